// hx-flags: -debug
// Compiled with -debug: genhl adds a checked re-cast + OAssert after unsafe casts of values returned as type parameters
// (generic containers and methods); the program exercises those paths with values that pass the check.
class Container<T> {
	var items:Array<T> = [];

	public function new() {}

	public function add(v:T):Container<T> {
		items.push(v);
		return this;
	}

	public function get(i:Int):T {
		return items[i];
	}

	public function last():T {
		return items[items.length - 1];
	}

	public function mapTo<U>(f:T->U):Container<U> {
		var c = new Container<U>();
		for (v in items)
			c.add(f(v));
		return c;
	}
}

class Node {
	public var label:String;

	public function new(l:String) {
		label = l;
	}
}

class DebugBuild {
	static function pick<T>(a:T, b:T, first:Bool):T {
		return first ? a : b;
	}

	static function main() {
		var nodes = new Container<Node>().add(new Node("a")).add(new Node("b"));
		var n:Node = nodes.get(1);
		Sys.println("generic get object=" + n.label + " last=" + nodes.last().label);
		var strs = nodes.mapTo(x -> x.label + "!");
		var s:String = strs.get(0);
		Sys.println("mapped strings=" + s + "," + strs.last());
		var ints = new Container<Int>().add(4).add(5);
		var sum:Int = ints.get(0) + ints.last();
		Sys.println("generic ints sum=" + sum);
		var floats = ints.mapTo(x -> x / 2);
		Sys.println("generic floats=" + floats.get(0) + "," + floats.last());
		var arrs = new Container<Array<Int>>().add([1, 2, 3]);
		Sys.println("generic arrays length=" + arrs.get(0).length);
		var fns = new Container<Int->Int>().add(x -> x * 3);
		Sys.println("generic functions=" + fns.get(0)(7));
		var p:Node = pick(new Node("x"), new Node("y"), false);
		Sys.println("generic static pick=" + p.label + " " + pick("s1", "s2", true));
		var anon = new Container<{v:Int}>().add({v: 9});
		Sys.println("generic anon=" + anon.last().v);
		var arr:Array<Node> = [new Node("p"), new Node("q")];
		var joined = "";
		for (i in 0...arr.length)
			joined += arr[i].label;
		Sys.println("object array reads=" + joined);
		var maybe = new Container<Null<Int>>().add(null).add(3);
		Sys.println("nullable generic=" + maybe.get(0) + "," + maybe.get(1));
	}
}
