// Static extensions (using) on Int, String, Array, classes and enums; inline functions and inline constructors.
using StaticExtensions.IntTools;
using StaticExtensions.StrTools;
using StaticExtensions.ArrayTools;

class IntTools {
	public static inline function squared(i:Int):Int {
		return i * i;
	}

	public static function times(n:Int, f:Int->Void):Void {
		for (i in 0...n)
			f(i);
	}

	public static function isEven(i:Int):Bool {
		return i % 2 == 0;
	}
}

class StrTools {
	public static function shout(s:String):String {
		return s.toUpperCase() + "!";
	}

	public static function repeat(s:String, n:Int):String {
		var b = new StringBuf();
		for (i in 0...n)
			b.add(s);
		return b.toString();
	}
}

class ArrayTools {
	public static function sumAll(a:Array<Int>):Int {
		var t = 0;
		for (v in a)
			t += v;
		return t;
	}

	public static function second<T>(a:Array<T>):T {
		return a[1];
	}
}

class InlinePoint {
	public var x:Float;
	public var y:Float;

	public inline function new(x:Float, y:Float) {
		this.x = x;
		this.y = y;
	}

	public inline function len2():Float {
		return x * x + y * y;
	}
}

class StaticExtensions {
	static inline var LIMIT = 4;

	static inline function clamp(v:Int, lo:Int, hi:Int):Int {
		return v < lo ? lo : (v > hi ? hi : v);
	}

	static function main() {
		Sys.println("squared=" + 7.squared() + " isEven=" + 7.isEven() + "," + 10.isEven());
		var seen = [];
		3.times(i -> seen.push(i * 10));
		Sys.println("times=" + seen);
		Sys.println("shout=" + "hey".shout() + " repeat=" + "ab".repeat(3) + " chained=" + "x".repeat(2).shout());
		Sys.println("sumAll=" + [1, 2, 3].sumAll() + " second=" + ["a", "b"].second() + " second int=" + [5, 6].second());
		Sys.println("clamp=" + clamp(-5, 0, LIMIT) + "," + clamp(2, 0, LIMIT) + "," + clamp(99, 0, LIMIT));
		var p = new InlinePoint(3, 4);
		Sys.println("inline constructor len2=" + p.len2());
		var total = 0.0;
		for (i in 0...LIMIT) {
			var q = new InlinePoint(i, i);
			total += q.len2();
		}
		Sys.println("inline in loop total=" + total);
		Sys.println("extension on expression=" + (2 + 3).squared());
		Sys.println("static call still works=" + IntTools.squared(9) + " " + StrTools.shout("plain"));
	}
}
