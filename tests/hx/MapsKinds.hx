// Map: String/Int/Object/Enum keys, set/get/exists/remove/clear, copy, keys/values/keyValue iteration (sorted), toString.
enum Slot {
	Head;
	Hand(i:Int);
}

class Key {
	public var id:Int;

	public function new(id:Int) {
		this.id = id;
	}
}

class MapsKinds {
	static function sortedKeys<K>(it:Iterator<K>, cmp:K->K->Int):Array<K> {
		var a = [for (k in it) k];
		a.sort(cmp);
		return a;
	}

	static function main() {
		var sm = new Map<String, Int>();
		sm.set("one", 1);
		sm["two"] = 2;
		sm.set("three", 3);
		sm.set("two", 22);
		Sys.println("string map get=" + sm.get("two") + " missing=" + sm.get("four") + " exists=" + sm.exists("one"));
		Sys.println("string keys sorted=" + sortedKeys(sm.keys(), Reflect.compare));
		var vals = [for (v in sm) v];
		vals.sort((a, b) -> a - b);
		Sys.println("values sorted=" + vals);
		Sys.println("remove one=" + sm.remove("one") + " again=" + sm.remove("one") + " exists=" + sm.exists("one"));
		var kvs = [for (k => v in sm) k + "=" + v];
		kvs.sort(Reflect.compare);
		Sys.println("keyValue sorted=" + kvs);
		var im = new Map<Int, String>();
		for (i in [10, -3, 7, 0])
			im.set(i, "v" + i);
		Sys.println("int map get(-3)=" + im.get(-3) + " exists(5)=" + im.exists(5) + " keys sorted="
			+ sortedKeys(im.keys(), (a, b) -> a - b));
		im.remove(7);
		Sys.println("int map after remove=" + sortedKeys(im.keys(), (a, b) -> a - b));
		var om = new Map<Key, String>();
		var k1 = new Key(1);
		var k2 = new Key(2);
		om.set(k1, "first");
		om.set(k2, "second");
		om.set(new Key(1), "other instance");
		Sys.println("object map get k1=" + om.get(k1) + " k2=" + om.get(k2) + " count=" + [for (k in om.keys()) k].length);
		Sys.println("object map ids sorted=" + sortedKeys(om.keys(), (a, b) -> a.id - b.id).map(k -> k.id));
		var em = new Map<Slot, Int>();
		em.set(Hand(2), 2);
		em.set(Head, 0);
		em.set(Hand(1), 1);
		em.set(Hand(2), 20);
		Sys.println("enum map get Hand(2)=" + em.get(Hand(2)) + " keys=" + [for (k in em.keys()) k]);
		var literal = ["a" => 1, "b" => 2];
		var copy = literal.copy();
		copy.set("c", 3);
		Sys.println("copy independent=" + [for (k in literal.keys()) k].length + "," + [for (k in copy.keys()) k].length);
		literal.clear();
		Sys.println("after clear exists a=" + literal.exists("a") + " count=" + [for (k in literal.keys()) k].length);
		var intLiteral = [1 => "x"];
		Sys.println("toString single=" + intLiteral.toString() + " " + ["k" => true]);
		var counts = new Map<String, Int>();
		for (w in "the cat and the hat and the bat".split(" "))
			counts[w] = (counts.exists(w) ? counts[w] : 0) + 1;
		Sys.println("word counts=" + sortedKeys(counts.keys(), Reflect.compare).map(w -> w + ":" + counts[w]).join(","));
		var dynMap:Map<String, Dynamic> = new Map();
		dynMap.set("list", [1, 2]);
		dynMap.set("num", 1.5);
		Sys.println("dynamic values num=" + dynMap.get("num") + " list=" + dynMap.get("list"));
		var sm2 = new haxe.ds.StringMap<Float>();
		sm2.set("pi", 3.14);
		var im2 = new haxe.ds.IntMap<Bool>();
		im2.set(1, true);
		Sys.println("explicit StringMap=" + sm2.get("pi") + " IntMap=" + im2.get(1) + " missing bool=" + im2.get(2));
	}
}
