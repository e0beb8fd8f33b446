// haxe.Serializer / haxe.Unserializer: every value kind, class instances, enums, maps, references/cache, round trips.
class Pt {
	public var x:Int;
	public var y:Int;

	public function new(x:Int, y:Int) {
		this.x = x;
		this.y = y;
	}
}

enum Msg {
	Ping;
	Text(s:String, n:Int);
}

class SerializerUse {
	static function ser(v:Dynamic):String {
		return haxe.Serializer.run(v);
	}

	static function main() {
		Sys.println("null=" + ser(null) + " true=" + ser(true) + " false=" + ser(false) + " 0=" + ser(0) + " int=" + ser(-42));
		Sys.println("float=" + ser(2.5) + " string=" + ser("hi there") + " unicode=" + ser("é"));
		Sys.println("array=" + ser([1, 2, null, null, 3]) + " nested=" + ser([[1], []]));
		Sys.println("anon=" + ser({a: 1}));
		Sys.println("enum=" + ser(Ping) + " " + ser(Text("x", 3)));
		Sys.println("class=" + ser(new Pt(1, 2)));
		var sm = new haxe.ds.StringMap<Int>();
		sm.set("k", 1);
		Sys.println("StringMap=" + ser(sm));
		var im = new haxe.ds.IntMap<String>();
		im.set(5, "five");
		Sys.println("IntMap=" + ser(im));
		var l = new List<Int>();
		l.add(1);
		l.add(2);
		Sys.println("List=" + ser(l));
		Sys.println("Bytes=" + ser(haxe.io.Bytes.ofString("bytes!")));
		var s = new haxe.Serializer();
		s.useCache = true;
		var shared = new Pt(3, 4);
		s.serialize([shared, shared]);
		Sys.println("cache refs=" + s.toString());
		var s2 = new haxe.Serializer();
		s2.serialize("rep");
		s2.serialize("rep");
		Sys.println("string cache=" + s2.toString());
		var s3 = new haxe.Serializer();
		s3.useEnumIndex = true;
		s3.serialize(Text("i", 1));
		Sys.println("enum index=" + s3.toString());
		var back:Array<Dynamic> = haxe.Unserializer.run(ser([1, "two", 3.5, true, null]));
		Sys.println("unserialize array=" + back);
		var p:Pt = haxe.Unserializer.run(ser(new Pt(5, 6)));
		Sys.println("unserialize class=" + p.x + "," + p.y + " isPt=" + Std.isOfType(p, Pt));
		var e:Msg = haxe.Unserializer.run(ser(Text("round", 9)));
		Sys.println("unserialize enum=" + e + " eq=" + Type.enumEq(e, Text("round", 9)));
		var m:haxe.ds.StringMap<Int> = haxe.Unserializer.run(ser(sm));
		Sys.println("unserialize map k=" + m.get("k"));
		var u = new haxe.Unserializer(s.toString());
		var arr:Array<Pt> = u.unserialize();
		Sys.println("cached refs identical=" + (arr[0] == arr[1]));
		var o:Dynamic = haxe.Unserializer.run("oy1:xi1y1:yzg");
		Sys.println("handwritten object x=" + o.x + " y=" + o.y);
		var bad = try {
			haxe.Unserializer.run("zzz?");
			"no error";
		} catch (e:Dynamic) "error";
		Sys.println("invalid input=" + bad);
		var bytes:haxe.io.Bytes = haxe.Unserializer.run(ser(haxe.io.Bytes.ofString("abc")));
		Sys.println("bytes round trip=" + bytes.toString());
	}
}
