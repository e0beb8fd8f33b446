// Array edge cases: negative and past-the-end indexes (reads, writes that grow with holes), splice/slice/insert with negative and huge positions, remove of NaN and duplicates, sort stability and inconsistent comparators, sort of floats with NaN and of mixed Dynamic, join of nulls, resize, iterator while mutating, Array<Dynamic> of basic types, contains/indexOf with fromIndex.
class ArrayEdge {
	static function main() {
		var a = [1, 2, 3];
		Sys.println("read -1=" + a[-1] + " read 10=" + a[10]);
		a[6] = 7;
		Sys.println("grown=" + a + " length=" + a.length);
		var s = ["a", "b"];
		s[4] = "e";
		Sys.println("string holes=" + s + " null=" + (s[2] == null));
		var f = [1.5];
		f[3] = 2.5;
		Sys.println("float holes=" + f);
		var b = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
		Sys.println("slice=" + b.slice(-3) + " " + b.slice(2, -2) + " " + b.slice(8, 100) + " " + b.slice(5, 2) + " " + b.slice(-100, 2));
		var c = b.copy();
		Sys.println("splice neg=" + c.splice(-3, 2) + " rest=" + c);
		c = b.copy();
		Sys.println("splice huge=" + c.splice(8, 100) + " rest=" + c + " splice neg len=" + c.splice(2, -1) + " splice past=" + c.splice(50, 2));
		c = [1, 2, 3];
		c.insert(-1, 9);
		c.insert(100, 8);
		c.insert(-100, 7);
		Sys.println("insert=" + c);
		var n = [1.0, Math.NaN, 2.0];
		Sys.println("remove NaN=" + n.remove(Math.NaN) + " indexOf NaN=" + n.indexOf(Math.NaN) + " contains NaN=" + n.contains(Math.NaN));
		var d = [1, 2, 1, 2, 1];
		Sys.println("remove first dup=" + d.remove(1) + " " + d + " lastIndexOf=" + d.lastIndexOf(1) + " indexOf from=" + d.indexOf(1, 2) + " "
			+ d.indexOf(1, -2) + " lastIndexOf from=" + d.lastIndexOf(2, 1) + " " + d.lastIndexOf(2, -1));
		// stability: sort by key only
		var pairs = [for (i in 0...40) {k: i % 4, i: i}];
		pairs.sort((x, y) -> x.k - y.k);
		Sys.println("stable=" + [for (p in pairs) p.i].join(","));
		var inc = [for (i in 0...20) (i * 7) % 20];
		inc.sort((x, y) -> 1);
		Sys.println("always 1=" + inc.join(","));
		inc.sort((x, y) -> -1);
		Sys.println("always -1=" + inc.join(","));
		var fl = [3.5, Math.NaN, -1.0, 0.0, Math.NEGATIVE_INFINITY, 2.0, Math.NaN, 1e10];
		fl.sort(Reflect.compare);
		Sys.println("floats with NaN=" + fl.join(","));
		fl.sort((x, y) -> x < y ? -1 : (x > y ? 1 : 0));
		Sys.println("floats naive=" + fl.join(","));
		var mixed:Array<Dynamic> = [3, "b", 1.5, "a", null, 2];
		mixed.sort(Reflect.compare);
		Sys.println("mixed dynamic=" + mixed.join(","));
		var strs = ["b", "B", "a", "é", "A", "", "aa"];
		strs.sort((x, y) -> x < y ? -1 : (x > y ? 1 : 0));
		Sys.println("strings=" + strs.join(","));
		Sys.println("join nulls=" + [null, "x", null].join("-") + " join ints=" + [1, -2].join(", ") + " join empty=[" + [].join(",") + "]");
		var r = [1, 2, 3, 4, 5];
		r.resize(2);
		Sys.println("resize down=" + r);
		r.resize(4);
		Sys.println("resize up=" + r);
		var m = [1, 2, 3, 4];
		var seen = [];
		for (x in m) {
			seen.push(x);
			if (x == 2)
				m.push(99);
			if (x == 3)
				m.remove(1);
		}
		Sys.println("iterate while mutating=" + seen + " now=" + m);
		var dyn:Array<Dynamic> = [1, 2.5, true, "s", null, [1]];
		Sys.println("dynamic kinds=" + [for (x in dyn) Type.typeof(x).getName()].join(","));
		var big = [];
		big[100000] = 1;
		Sys.println("sparse length=" + big.length + " filled=" + big.filter(x -> x != 0).length);
		var ua = [3, 1, 2];
		var sorted = ua.copy();
		sorted.sort((x, y) -> x - y);
		sorted.reverse();
		Sys.println("copy independent=" + ua + " reversed sorted=" + sorted);
		var q = [2];
		q.unshift(1);
		var first = q.shift();
		var e:Array<Int> = [];
		Sys.println("concat=" + [1].concat([]).concat([2, 3]) + " unshift/shift=" + first + "," + q.length + " pop empty=" + e.pop() + " shift empty="
			+ e.shift());
		Sys.println("map/filter chain=" + [for (i in 0...10) i].map(x -> x * x).filter(x -> x % 2 == 1).join(","));
		Sys.println("keyValue=" + [for (k => v in ["x", "y"]) k + ":" + v].join(","));
	}
}
