// haxe.ds collections: Vector (fixed-size, blit, map, sort, toArray), List, GenericStack, ReadOnlyArray, HashMap.
import haxe.ds.Vector;
import haxe.ds.List;
import haxe.ds.GenericStack;

class Point {
	public var x:Int;
	public var y:Int;

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}

	public function hashCode():Int {
		return x * 31 + y;
	}
}

class DsCollections {
	static function total(a:haxe.ds.ReadOnlyArray<Int>):Int {
		var t = 0;
		for (v in a)
			t += v;
		return t;
	}

	static function main() {
		var v = new Vector<Int>(5);
		for (i in 0...v.length)
			v[i] = i * 3;
		Sys.println("vector=" + v.toArray() + " length=" + v.length + " get(2)=" + v.get(2));
		var fv = new Vector<Float>(2);
		var sv = new Vector<String>(2);
		sv[0] = "s";
		Sys.println("vector defaults float=" + fv[1] + " string=" + sv[1]);
		var copy = v.copy();
		copy[0] = 99;
		Sys.println("vector copy independent=" + v[0] + "," + copy[0]);
		var dst = new Vector<Int>(6);
		Vector.blit(v, 1, dst, 0, 4);
		Sys.println("vector blit=" + dst.toArray());
		Sys.println("vector map=" + v.map(x -> x + 1).toArray() + " join=" + v.join("|"));
		var fromArr = Vector.fromArrayCopy([4, 1, 3]);
		Sys.println("fromArrayCopy=" + fromArr.toArray() + " fill via loop=" + [for (i in 0...fromArr.length) fromArr[i] * 2]);
		var l = new List<String>();
		l.add("b");
		l.push("a");
		l.add("c");
		Sys.println("list=" + l + " length=" + l.length + " first=" + l.first() + " last=" + l.last());
		Sys.println("list pop=" + l.pop() + " remove c=" + l.remove("c") + " after=" + l);
		l.add("d");
		Sys.println("list map=" + l.map(s -> s.toUpperCase()) + " filter=" + l.filter(s -> s != "b") + " join=" + l.join("+"));
		Sys.println("list isEmpty=" + l.isEmpty());
		l.clear();
		Sys.println("cleared isEmpty=" + l.isEmpty() + " pop empty=" + l.pop());
		var st = new GenericStack<Int>();
		st.add(1);
		st.add(2);
		st.add(3);
		Sys.println("stack top=" + st.first() + " pop=" + st.pop() + " toString=" + st.toString());
		Sys.println("stack remove 1=" + st.remove(1) + " isEmpty=" + st.isEmpty() + " iterate=" + [for (x in st) x]);
		Sys.println("ReadOnlyArray total=" + total([1, 2, 3, 4]));
		var hm = new haxe.ds.HashMap<Point, String>();
		hm.set(new Point(1, 2), "a");
		hm.set(new Point(1, 2), "b");
		hm.set(new Point(2, 1), "c");
		Sys.println("HashMap get=" + hm.get(new Point(1, 2)) + " exists(2,1)=" + hm.exists(new Point(2, 1)) + " exists(0,0)="
			+ hm.exists(new Point(0, 0)));
		var hv = [for (x in hm) x];
		hv.sort(Reflect.compare);
		Sys.println("HashMap values sorted=" + hv);
	}
}
