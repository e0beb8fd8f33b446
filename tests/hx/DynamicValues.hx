// Dynamic: dynamic field get/set on objects and anonymous values, Dynamic arithmetic, calls through Dynamic, typeof.
class Bag {
	public var count:Int = 1;
	public var ratio:Float = 0.5;
	public var title:String = "bag";
	public var flag:Bool = true;

	public function new() {}

	public function twice(x:Int):Int {
		return x * 2;
	}
}

class DynamicValues {
	static function describe(d:Dynamic):String {
		return Std.string(Type.typeof(d));
	}

	static function main() {
		var d:Dynamic = new Bag();
		Sys.println("d.count=" + d.count + " d.ratio=" + d.ratio + " d.title=" + d.title + " d.flag=" + d.flag);
		d.count = 5;
		d.ratio = d.ratio * 3;
		d.title = d.title + "!";
		Sys.println("after set count=" + d.count + " ratio=" + d.ratio + " title=" + d.title);
		var i:Int = d.count;
		var f:Float = d.ratio;
		var s:String = d.title;
		Sys.println("typed reads=" + (i + 1) + " " + (f + 1) + " " + s.length);
		Sys.println("call via Dynamic=" + d.twice(21));
		var o:Dynamic = {a: 1, b: "two"};
		o.c = [3];
		o.a += 10;
		Sys.println("anon a=" + o.a + " b=" + o.b + " c=" + o.c);
		Sys.println("missing field=" + o.missing);
		var n:Dynamic = 7;
		var m:Dynamic = 2.5;
		Sys.println("Dynamic Int+Float=" + (n + m) + " Int*Int=" + (n * n) + " Int-Float=" + (n - m));
		Sys.println("Dynamic Int/Int=" + (n / 2) + " Int%Int=" + (n % 4));
		var str:Dynamic = "abc";
		Sys.println("Dynamic string concat=" + (str + 1) + " length=" + str.length);
		var arr:Dynamic = [1, 2, 3];
		// (" arr[1]=" + arr[1] is miscompiled by Haxe 4.2.5: the Dynamic element is moved unconverted into a
		// String register; HashLink reads garbage. Std.string is what the program means.)
		Sys.println("Dynamic array length=" + arr.length + " arr[1]=" + Std.string(arr[1]));
		arr[1] = 20;
		arr.push(4);
		Sys.println("Dynamic array after=" + arr);
		var fn:Dynamic = function(a:Int, b:Int) return a - b;
		Sys.println("Dynamic function call=" + fn(10, 3));
		Sys.println("typeof=" + [describe(1), describe(1.5), describe(true), describe("s"), describe(null), describe(d), describe(o),
			describe(fn)].join(","));
		var isNull:Dynamic = null;
		Sys.println("null dynamic==null " + (isNull == null));
		var b:Dynamic = true;
		if (b)
			Sys.println("Dynamic bool in condition=ok");
		var cmp1:Dynamic = 3;
		var cmp2:Dynamic = 4;
		Sys.println("Dynamic compare 3<4=" + (cmp1 < cmp2) + " 3==3.0 " + (cmp1 == 3.0));
		var counter:Dynamic = 0;
		for (k in 0...5)
			counter += k;
		Sys.println("Dynamic accumulator=" + counter);
	}
}
