// haxe.Serializer/Unserializer edge cases: special floats, Int extremes, strings needing escapes and UTF-8, Bytes, Dates, nested maps of every key kind, enums by name and by index, class instances with cycles, exceptions, the cache of repeated strings and objects, custom serialization hooks, malformed input errors.
import haxe.Serializer;
import haxe.Unserializer;

class Node {
	public var name:String;
	public var next:Node;
	public var data:Array<Dynamic>;

	public function new(n) {
		name = n;
	}
}

class Custom {
	public var v:Int;

	public function new(v)
		this.v = v;

	@:keep function hxSerialize(s:Serializer) {
		s.serialize(v * 10);
	}

	@:keep function hxUnserialize(u:Unserializer) {
		v = u.unserialize() + 1;
	}
}

enum Shape {
	Circle(r:Float);
	Rect(w:Int, h:Int);
	Empty;
	Nested(s:Shape, l:Array<Shape>);
}

class SerializerEdge {
	static function ser(v:Dynamic, useCache = false, useEnumIndex = false):String {
		var s = new Serializer();
		s.useCache = useCache;
		s.useEnumIndex = useEnumIndex;
		s.serialize(v);
		return s.toString();
	}

	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + r);
	}

	static function main() {
		attempt("floats", () -> ser([0.0, -1.5, 1e300, 5e-324, Math.NaN, Math.POSITIVE_INFINITY, Math.NEGATIVE_INFINITY, 0.1]));
		attempt("ints", () -> ser([0, -1, 2147483647, -2147483648, 1000000]));
		attempt("strings", () -> ser(["", "a b", "é😀", "%:;\n\""]));
		attempt("strings back", () -> {
			var a:Array<String> = Unserializer.run(ser(["", "a b", "é😀", "%:;\n\""]));
			return a.join("|") + " " + a[2].length;
		});
		attempt("bytes", () -> {
			var b = haxe.io.Bytes.ofHex("00ff10203040");
			var s = ser(b);
			return s + " back=" + (Unserializer.run(s) : haxe.io.Bytes).toHex();
		});
		attempt("date", () -> {
			var d = new Date(2020, 5, 15, 10, 20, 30);
			var s = ser(d);
			return s + " back=" + (Unserializer.run(s) : Date).toString();
		});
		attempt("maps", () -> {
			var sm = ["a" => 1, "b" => 2];
			var im = [1 => "x", -5 => "y"];
			var om = new Map<{}, Int>();
			om.set({k: 1}, 9);
			var s = ser([sm, im]);
			var back:Array<Dynamic> = Unserializer.run(s);
			var sm2:Map<String, Int> = back[0];
			var im2:Map<Int, String> = back[1];
			return s + " back=" + sm2.get("b") + im2.get(-5) + " objmap=" + ser(om).substr(0, 2);
		});
		attempt("enums by name", () -> ser([Circle(1.5), Rect(2, 3), Empty, Nested(Empty, [Circle(0)])]));
		attempt("enums by index", () -> ser([Circle(1.5), Rect(2, 3), Empty, Nested(Empty, [Circle(0)])], false, true));
		attempt("enums back", () -> {
			var a:Array<Shape> = Unserializer.run(ser([Rect(2, 3), Nested(Empty, [Circle(0.5)])], false, true));
			return Std.string(a) + " eq=" + Type.enumEq(a[0], Rect(2, 3));
		});
		attempt("cycle with cache", () -> {
			var a = new Node("a"), b = new Node("b");
			a.next = b;
			b.next = a;
			a.data = ["shared", "shared", b];
			var s = ser(a, true);
			var back:Node = Unserializer.run(s);
			return s + " cycle=" + (back.next.next == back) + " data=" + back.data[0] + back.data[1] + " same node=" + (back.data[2] == back.next);
		});
		attempt("string cache", () -> ser(["rep", "rep", "other", "rep"]));
		attempt("object cache off", () -> {
			var o = {x: 1};
			return ser([o, o]);
		});
		attempt("object cache on", () -> {
			var o = {x: 1};
			return ser([o, o], true);
		});
		attempt("custom", () -> {
			var s = ser(new Custom(4));
			return s + " back=" + (Unserializer.run(s) : Custom).v;
		});
		attempt("exception", () -> ser(new haxe.Exception("boom")).substr(0, 1));
		attempt("null and bools", () -> ser([null, true, false]) + " " + ser(null));
		attempt("anon order", () -> ser({zz: 1, aa: 2, mm: {y: 1, x: 2}}));
		attempt("list", () -> {
			var l = new haxe.ds.List<Int>();
			l.add(1);
			l.add(2);
			return ser(l);
		});
		attempt("class and enum values", () -> ser([Node, Shape]));
		for (bad in ["", "i", "x", "y3:ab", "q:", "aiz", "Z", "i12a", "wy5:Shapey4:Nope:0", "cy7:Missingg", "j5:Shape:9:0"])
			attempt("unserialize [" + bad + "]", () -> Std.string(Unserializer.run(bad)));
		attempt("resolver", () -> {
			var u = new Unserializer("cy4:Nodey4:namey1:qy4:nextny4:datanhg");
			var n:Node = u.unserialize();
			return n.name;
		});
	}
}
