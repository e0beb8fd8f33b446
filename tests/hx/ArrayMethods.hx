// Array: push/pop/shift/unshift/insert/remove, indexOf/lastIndexOf/contains, reverse, concat, join, slice, copy, resize, holes.
class ArrayMethods {
	static function main() {
		var a = [1, 2, 3];
		Sys.println("push returns=" + a.push(4) + " array=" + a);
		Sys.println("pop=" + a.pop() + " shift=" + a.shift() + " array=" + a);
		a.unshift(0);
		a.insert(1, 99);
		a.insert(-1, 77);
		a.insert(100, 55);
		Sys.println("after unshift/insert=" + a);
		Sys.println("remove 99=" + a.remove(99) + " remove 1000=" + a.remove(1000) + " array=" + a);
		Sys.println("indexOf 3=" + a.indexOf(3) + " lastIndexOf=" + [1, 2, 1].lastIndexOf(1) + " contains 77=" + a.contains(77)
			+ " indexOf from=" + [5, 6, 5].indexOf(5, 1));
		var r = [1, 2, 3, 4, 5];
		r.reverse();
		Sys.println("reverse=" + r);
		Sys.println("concat=" + r.concat([10, 11]) + " original length=" + r.length);
		Sys.println("join=" + r.join("-") + " empty join=[" + [].join(",") + "]");
		Sys.println("slice(1,3)=" + r.slice(1, 3) + " slice(-2)=" + r.slice(-2) + " slice(3,1)=" + r.slice(3, 1));
		var c = r.copy();
		c[0] = 100;
		Sys.println("copy independent=" + r[0] + "," + c[0]);
		var holes = [1];
		holes[4] = 5;
		Sys.println("write past end length=" + holes.length + " array=" + holes);
		var strs = ["x"];
		strs[3] = "y";
		Sys.println("string holes=" + strs);
		var rs = [1, 2, 3, 4, 5, 6];
		rs.resize(3);
		Sys.println("resize smaller=" + rs);
		rs.resize(5);
		Sys.println("resize larger=" + rs);
		Sys.println("out of range read=" + [1, 2][5]);
		var empty:Array<Int> = [];
		Sys.println("pop empty=" + empty.pop() + " shift empty=" + empty.shift());
		var floats = [1.5, 2.5];
		floats.push(3);
		Sys.println("floats=" + floats + " sum=" + (floats[0] + floats[1] + floats[2]));
		var bools = [true, false];
		bools.push(true);
		Sys.println("bools=" + bools);
		var nested = [[1, 2], [3], []];
		Sys.println("nested=" + nested + " inner length=" + nested[0].length);
		var mixed:Array<Dynamic> = [1, "two", 3.0, null, [4]];
		Sys.println("dynamic array=" + mixed + " length=" + mixed.length);
		var objs = [{n: 1}, {n: 2}];
		Sys.println("object array n sum=" + (objs[0].n + objs[1].n));
		var it = r.iterator();
		var walked = [];
		while (it.hasNext())
			walked.push(it.next());
		Sys.println("explicit iterator=" + walked);
		Sys.println("toString=" + r.toString());
		var nulls:Array<Null<Int>> = [null, 1];
		Sys.println("nullable ints=" + nulls);
	}
}
