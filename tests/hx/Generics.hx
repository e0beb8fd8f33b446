// Generics: type-parameterised classes and functions, constraints, generic containers of basic types and objects.
class Box<T> {
	public var value:T;

	public function new(v:T) {
		value = v;
	}

	public function map<U>(f:T->U):Box<U> {
		return new Box(f(value));
	}

	public function toString():String {
		return "Box(" + value + ")";
	}
}

class Pair<A, B> {
	public var first:A;
	public var second:B;

	public function new(a:A, b:B) {
		first = a;
		second = b;
	}

	public function swap():Pair<B, A> {
		return new Pair(second, first);
	}
}

interface HasWeight {
	function weight():Int;
}

class Item implements HasWeight {
	var w:Int;

	public function new(w:Int) {
		this.w = w;
	}

	public function weight():Int {
		return w;
	}
}

class Stack<T> {
	var items:Array<T> = [];

	public function new() {}

	public function push(v:T):Void {
		items.push(v);
	}

	public function pop():Null<T> {
		return items.pop();
	}

	public var size(get, never):Int;

	function get_size()
		return items.length;
}

class Generics {
	static function heaviest<T:HasWeight>(list:Array<T>):T {
		var best = list[0];
		for (x in list)
			if (x.weight() > best.weight())
				best = x;
		return best;
	}

	static function identity<T>(x:T):T {
		return x;
	}

	static function firstOr<T>(a:Array<T>, def:T):T {
		return a.length > 0 ? a[0] : def;
	}

	static function main() {
		var bi = new Box(41);
		var bs = bi.map(x -> "n" + (x + 1));
		Sys.println("box int=" + bi + " mapped=" + bs);
		var bf = new Box(2.5).map(x -> x * 2);
		Sys.println("box float mapped=" + bf.value);
		var bb = new Box(true);
		Sys.println("box bool=" + bb.value);
		var p = new Pair("one", 1);
		var sw = p.swap();
		Sys.println("pair=" + p.first + "," + p.second + " swapped=" + sw.first + "," + sw.second);
		var items = [new Item(3), new Item(9), new Item(4)];
		Sys.println("heaviest=" + heaviest(items).weight());
		Sys.println("identity int=" + identity(7) + " string=" + identity("s") + " float=" + identity(0.25));
		Sys.println("firstOr empty=" + firstOr([], 99) + " nonempty=" + firstOr([5, 6], 99));
		var si = new Stack<Int>();
		si.push(1);
		si.push(2);
		si.push(3);
		Sys.println("stack size=" + si.size + " pop=" + si.pop() + " pop=" + si.pop() + " size=" + si.size);
		var ss = new Stack<String>();
		Sys.println("empty pop=" + ss.pop());
		var nested = new Box(new Box([1, 2, 3]));
		Sys.println("nested=" + nested.value.value.length);
		var boxes:Array<Box<Float>> = [new Box(1.5), new Box(-0.5)];
		var sum = 0.0;
		for (b in boxes)
			sum += b.value;
		Sys.println("sum boxes=" + sum);
	}
}
