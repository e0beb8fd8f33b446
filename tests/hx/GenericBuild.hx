// @:generic: specialised classes and functions per type argument, generic with constraints, generic statics.
@:generic
class TypedList<T> {
	var data:Array<T>;

	public function new() {
		data = [];
	}

	public function add(v:T):TypedList<T> {
		data.push(v);
		return this;
	}

	public function get(i:Int):T {
		return data[i];
	}

	public function length():Int {
		return data.length;
	}

	public function fold<R>(f:R->T->R, init:R):R {
		var acc = init;
		for (d in data)
			acc = f(acc, d);
		return acc;
	}
}

@:generic
class Cell<T> {
	public var v:T;

	public function new(v:T) {
		this.v = v;
	}
}

class GenericBuild {
	@:generic static function maxOf<T:Float>(a:T, b:T):T {
		return a > b ? a : b;
	}

	@:generic static function fill<T>(n:Int, v:T):Array<T> {
		return [for (i in 0...n) v];
	}

	static function main() {
		var li = new TypedList<Int>().add(1).add(2).add(40);
		Sys.println("int list length=" + li.length() + " get(2)=" + li.get(2));
		Sys.println("int fold sum=" + li.fold((a:Int, b:Int) -> a + b, 0));
		var lf = new TypedList<Float>().add(0.5).add(0.25);
		Sys.println("float fold=" + lf.fold((a:Float, b:Float) -> a + b, 0.0));
		var ls = new TypedList<String>().add("x").add("y");
		Sys.println("string fold=" + ls.fold((a:String, b:String) -> a + b, ">"));
		var cellI = new Cell<Int>(5);
		var cellS = new Cell<String>("five");
		cellI.v *= 2;
		Sys.println("cells=" + cellI.v + "," + cellS.v);
		Sys.println("class names=" + Type.getClassName(Type.getClass(cellI)) + "," + Type.getClassName(Type.getClass(cellS)));
		Sys.println("maxOf int=" + maxOf(3, 8) + " float=" + maxOf(2.5, -1.0));
		Sys.println("fill=" + fill(3, "ab") + " " + fill(2, 7));
	}
}
