// Map iteration order as HashLink's tables give it: StringMap and IntMap after growth, removals and re-insertions, clear, empty/unicode/long keys, negative and extreme Int keys, copy, toString, keyValueIterator.
class MapsOrderEdge {
	static function main() {
		var sm = new Map<String, Int>();
		for (i in 0...40)
			sm.set("k" + i, i);
		Sys.println("string keys=" + [for (k in sm.keys()) k].join(","));
		for (i in 0...40)
			if (i % 3 == 0)
				sm.remove("k" + i);
		Sys.println("after remove=" + [for (k in sm.keys()) k].join(","));
		for (i in 100...110)
			sm.set("k" + i, i);
		sm.set("k0", -1);
		Sys.println("after reinsert=" + [for (k => v in sm) k + "=" + v].join(","));
		sm.set("", 1);
		sm.set("é", 2);
		sm.set("\u{1F600}", 3);
		sm.set([for (i in 0...200) "x"].join(""), 4);
		Sys.println("special exists=" + sm.exists("") + " " + sm.get("é") + " " + sm.get("\u{1F600}") + " " + sm.exists("y") + " size="
			+ Lambda.count(sm));
		Sys.println("special order=" + [for (k in sm.keys()) k.length > 10 ? "long" : k].join(","));
		var cp = sm.copy();
		cp.remove("k1");
		Sys.println("copy differs=" + sm.exists("k1") + " " + cp.exists("k1") + " copy order=" + [for (k in cp.keys()) k.length > 10 ? "long" : k].join(","));
		sm.clear();
		Sys.println("cleared=" + [for (k in sm.keys()) k].length + " toString=" + sm.toString());
		sm.set("b", 2);
		sm.set("a", 1);
		Sys.println("after clear=" + sm.toString());

		var im = new Map<Int, String>();
		var keys = [0, -1, 1, 2147483647, -2147483648, 17, 34, 51, 1000000, -17, 3, 5, 8, 13, 21, 34];
		for (k in keys)
			im.set(k, "v" + k);
		Sys.println("int keys=" + [for (k in im.keys()) k].join(","));
		Sys.println("int toString=" + im.toString());
		for (i in 0...300)
			im.set(i * 7, "w");
		for (i in 0...300)
			if (i % 2 == 1)
				im.remove(i * 7);
		Sys.println("int after churn count=" + Lambda.count(im) + " first=" + [for (k in im.keys()) k].slice(0, 20).join(","));
		Sys.println("int exists=" + im.exists(-2147483648) + " " + im.exists(7) + " get=" + im.get(14) + " " + im.get(99999));
		Sys.println("remove missing=" + im.remove(123456) + " remove present=" + im.remove(0) + " again=" + im.remove(0));
		var vals = [for (v in im) v];
		Sys.println("values count=" + vals.length);
		im.clear();
		im.set(5, "five");
		Sys.println("int after clear=" + im.toString());

		var em = new Map<Color, Int>();
		em.set(Blue, 3);
		em.set(Red, 1);
		em.set(Rgb(1, 2, 3), 7);
		em.set(Rgb(0, 0, 0), 0);
		em.set(Green, 2);
		Sys.println("enum map=" + em.toString() + " get=" + em.get(Rgb(1, 2, 3)));
		var om = new Map<{}, Int>();
		var a = {}, b = {};
		om.set(a, 1);
		om.set(b, 2);
		om.set(a, 3);
		Sys.println("object map count=" + Lambda.count(om) + " get=" + om.get(a) + "," + om.get(b) + " exists other=" + om.exists({}));
		om.remove(a);
		Sys.println("object map after remove=" + Lambda.count(om) + " " + om.exists(a));
	}
}

enum Color {
	Red;
	Green;
	Blue;
	Rgb(r:Int, g:Int, b:Int);
}
