// Std.string and string concatenation of every kind of value: nested arrays with nulls, anonymous objects (field order), class instances with and without toString, enums with parameters, boxed basic types, Null<T>, Bytes, maps, lists, Int64, hl.I64, Single, small ints, classes and enums as values, recursive structures, exceptions.
class NoStr {
	public var a = 1;

	public function new() {}
}

class WithStr {
	public function new() {}

	public function toString()
		return "custom!";
}

class BadStr {
	public function new() {}

	public function toString():String
		return null;
}

enum Tree {
	Leaf;
	Node(l:Tree, v:Int, r:Tree);
	Named(name:String, ?extra:Float);
	Listy(items:Array<Tree>);
}

class StdStringFormat {
	static function main() {
		var arr:Array<Dynamic> = [1, null, "s", 2.5, true, [null, []], {}];
		Sys.println("array=" + Std.string(arr));
		Sys.println("anon=" + Std.string({b: 1, a: "x", c: {z: null, y: [1]}}));
		Sys.println("instances=" + Std.string(new NoStr()) + " " + Std.string(new WithStr()) + " " + new WithStr() + " in array=" + Std.string([new WithStr()]));
		try {
			Sys.println("null toString=" + Std.string(new BadStr()));
		} catch (e:Dynamic) {
			Sys.println("null toString !! " + e);
		}
		Sys.println("enums=" + Std.string(Node(Leaf, 1, Node(Leaf, 2, Leaf))) + " " + Std.string(Named("n")) + " " + Std.string(Named("n", 1.5)) + " "
			+ Std.string(Listy([Leaf, Named(null)])));
		var ni:Null<Int> = null, nf:Null<Float> = 2.0, nb:Null<Bool> = false;
		Sys.println("nulls=" + ni + " " + nf + " " + nb + " " + Std.string(ni));
		Sys.println("bytes=" + Std.string(haxe.io.Bytes.ofString("abc")));
		var m = new Map<String, Array<Int>>();
		m.set("k", [1, 2]);
		var im:Map<Int, String> = [1 => "a", 2 => "b"];
		Sys.println("map=" + Std.string(m) + " intmap=" + im.toString());
		var l = new haxe.ds.List<Int>();
		l.add(1);
		l.add(2);
		Sys.println("list=" + Std.string(l) + " vector=" + Std.string(haxe.ds.Vector.fromArrayCopy([1, 2])));
		Sys.println("int64=" + Std.string(haxe.Int64.make(1, 0)) + " " + haxe.Int64.toStr(haxe.Int64.make(-1, -1)));
		var i64:hl.I64 = 1;
		i64 = i64 * 1000000000 * 1000;
		var dyn64:Dynamic = i64;
		Sys.println("hl.I64=" + Std.string(dyn64));
		var single:Single = 0.1;
		var dsingle:Dynamic = single;
		Sys.println("single=" + Std.string(dsingle) + " as float=" + (single : Float));
		var u8:hl.UI8 = 200, u16:hl.UI16 = 60000;
		var du8:Dynamic = u8, du16:Dynamic = u16;
		Sys.println("small ints=" + Std.string(du8) + " " + Std.string(du16));
		Sys.println("types=" + Std.string(String) + " " + Std.string(Tree) + " " + Std.string(NoStr) + " " + Std.string(Array) + " " + Std.string(Math));
		var rec:Array<Dynamic> = [1];
		rec.push(rec);
		var s = Std.string(rec);
		Sys.println("recursive array length=" + s.length + " start=" + s.substr(0, 20));
		var o:Dynamic = {name: "o"};
		o.self = o;
		var so = Std.string(o);
		Sys.println("recursive object length=" + so.length + " start=" + so.substr(0, 30));
		Sys.println("exception=" + Std.string(new haxe.Exception("boom")) + " value exception=" + Std.string(new haxe.ValueException([1, 2])));
		Sys.println("floats in containers=" + Std.string([1.0, 0.5, 1e20, -0.0, Math.NaN]) + " " + Std.string({f: 1.0}));
		Sys.println("string in containers=" + Std.string(["a\"b", "", null]) + " " + Std.string({s: "quote\"d"}));
		Sys.println("concat=" + "a" + null + 1 + 1.5 + true + [1] + {x: 1} + Leaf);
		var sb = new StringBuf();
		sb.add(null);
		sb.add([1, 2]);
		sb.add(Node(Leaf, 3, Leaf));
		sb.add(1.25);
		sb.addChar(0x1F600);
		sb.addSub("abcdef", 2, 2);
		sb.addSub("abcdef", 4);
		Sys.println("buf=" + sb.toString() + " len=" + sb.length);
	}
}
