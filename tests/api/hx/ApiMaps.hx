// Haxe side of tests/api/test_maps.c: maps of every key kind (String, Int, object, enum) made and
// checked by Haxe code, so that maps made in C are verified by Haxe and the other way round.
enum Key {
	A;
	B;
	C(n:Int);
}

class Obj {
	public var id:Int;

	public function new(id:Int) {
		this.id = id;
	}
}

@:keep
class ApiMaps {
	static function sortedKeys<K>(keys:Iterator<K>):Array<String> {
		var a = [for (k in keys) Std.string(k)];
		a.sort(Reflect.compare);
		return a;
	}

	public static function describeStrings(m:Map<String, Int>):String {
		var out = [];
		for (k in sortedKeys(m.keys()))
			out.push(k + "=" + m.get(k));
		return out.join(",");
	}

	public static function getString(m:Map<String, Int>, k:String):Int {
		var v = m.get(k);
		return v == null ? -1 : v;
	}

	public static function makeStrings():Map<String, Int> {
		var m = ["a" => 1, "b" => 2, "é" => 3];
		m.remove("b");
		m.set("c", 30);
		return m;
	}

	public static function describeInts(m:Map<Int, String>):String {
		var keys = [for (k in m.keys()) k];
		keys.sort((a, b) -> a - b);
		return [for (k in keys) k + "=" + m.get(k)].join(",");
	}

	public static function makeInts():Map<Int, String> {
		var m = new Map<Int, String>();
		for (i in 0...5)
			m.set(i * 10, "v" + i);
		m.remove(20);
		return m;
	}

	public static function sumObjects(m:Map<Obj, Float>):Float {
		var s = 0.0;
		for (k in m.keys())
			s += k.id * m.get(k);
		return s;
	}

	public static function hasObject(m:Map<Obj, Float>, o:Obj):Bool {
		return m.exists(o);
	}

	public static function makeObj(id:Int):Obj {
		return new Obj(id);
	}

	public static function makeObjects(a:Obj, b:Obj):Map<Obj, Float> {
		var m = new Map<Obj, Float>();
		m.set(a, 1.5);
		m.set(b, 2.5);
		m.remove(new Obj(9));
		return m;
	}

	public static function describeEnums(m:Map<Key, Int>):String {
		return [for (k in m.keys()) Std.string(k) + "=" + m.get(k)].join(",");
	}

	public static function getEnum(m:Map<Key, Int>, k:Key):Int {
		var v = m.get(k);
		return v == null ? -1 : v;
	}

	public static function makeEnums():Map<Key, Int> {
		var m = new Map<Key, Int>();
		m.set(C(5), 50);
		m.set(A, 1);
		m.set(C(2), 20);
		m.set(B, 2);
		m.remove(B);
		return m;
	}

	public static function main() {
		describeStrings(makeStrings());
		describeInts(makeInts());
		sumObjects(makeObjects(new Obj(1), new Obj(2)));
		describeEnums(makeEnums());
	}
}
