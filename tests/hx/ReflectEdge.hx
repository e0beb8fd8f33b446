// Reflect at the edges: fields of instances/anonymous/dynamic objects (sorted), field/setField of missing fields and on null, methods as fields, properties through getProperty/setProperty, callMethod with too few/many arguments and optional ones, compareMethods, isObject/isFunction/isEnumValue on every kind, copy, deleteField on classes, makeVarArgs.
class Point {
	public var x:Int;
	public var y:Int;
	public var name(get, set):String;

	var hidden = "h";

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}

	function get_name()
		return "P" + x;

	function set_name(v:String) {
		x = v.length;
		return v;
	}

	public function sum(?extra:Int = 100)
		return x + y + extra;

	public function three(a:Int, b:String, c:Float)
		return a + b + c;

	public static function stat(a:Int)
		return a * 2;
}

class Point3 extends Point {
	public var z = 3;
}

enum E {
	A;
	B(i:Int);
}

class ReflectEdge {
	static function sorted(a:Array<String>) {
		a.sort(Reflect.compare);
		return a.join(",");
	}

	static function attempt(label:String, f:Void->Dynamic) {
		try {
			Sys.println(label + " -> " + Std.string(f()));
		} catch (e:Dynamic) {
			Sys.println(label + " !! " + Std.string(e));
		}
	}

	static function main() {
		var p = new Point(1, 2);
		var p3 = new Point3(4, 5);
		Sys.println("fields instance=" + sorted(Reflect.fields(p)) + " sub=" + sorted(Reflect.fields(p3)));
		var anon = {b: 1, a: "x", c: null};
		Sys.println("fields anon=" + sorted(Reflect.fields(anon)));
		var dyn:Dynamic = {};
		dyn.z = 1;
		dyn.y = 2;
		Reflect.setField(dyn, "x", 3);
		Sys.println("fields dynamic=" + sorted(Reflect.fields(dyn)) + " x=" + dyn.x);
		attempt("field missing", () -> Reflect.field(p, "nope"));
		attempt("field method", () -> Reflect.isFunction(Reflect.field(p, "sum")));
		attempt("field property raw", () -> Reflect.field(p, "name"));
		attempt("getProperty", () -> Reflect.getProperty(p, "name"));
		attempt("setProperty", () -> {
			Reflect.setProperty(p, "name", "four");
			return p.x;
		});
		attempt("field on null", () -> Reflect.field(null, "x"));
		attempt("hasField instance x", () -> Reflect.hasField(p, "x"));
		attempt("hasField instance method", () -> Reflect.hasField(p, "sum"));
		attempt("hasField anon c(null)", () -> Reflect.hasField(anon, "c"));
		attempt("hasField anon missing", () -> Reflect.hasField(anon, "d"));
		attempt("setField missing on instance", () -> {
			Reflect.setField(p, "nope", 1);
			return Reflect.field(p, "nope");
		});
		attempt("setField wrong type", () -> {
			Reflect.setField(p, "x", "str");
			return p.x;
		});
		attempt("setField float to int", () -> {
			Reflect.setField(p, "x", 2.9);
			return p.x;
		});
		attempt("deleteField anon", () -> Reflect.deleteField(anon, "b") + " " + sorted(Reflect.fields(anon)));
		attempt("deleteField instance", () -> Reflect.deleteField(p, "x"));
		attempt("deleteField dynamic missing", () -> Reflect.deleteField(dyn, "nope"));
		p.x = 1;
		attempt("callMethod exact", () -> Reflect.callMethod(p, Reflect.field(p, "three"), [1, "b", 2.5]));
		attempt("callMethod optional omitted", () -> Reflect.callMethod(p, Reflect.field(p, "sum"), []));
		attempt("callMethod optional given", () -> Reflect.callMethod(p, Reflect.field(p, "sum"), [5]));
		attempt("callMethod optional null", () -> Reflect.callMethod(p, Reflect.field(p, "sum"), [null]));
		attempt("callMethod too many", () -> Reflect.callMethod(p, Reflect.field(p, "sum"), [1, 2, 3]));
		attempt("callMethod too few", () -> Reflect.callMethod(p, Reflect.field(p, "three"), [1]));
		attempt("callMethod int for float", () -> Reflect.callMethod(p, Reflect.field(p, "three"), [1, "b", 2]));
		attempt("callMethod static", () -> Reflect.callMethod(Point, Reflect.field(Point, "stat"), [21]));
		attempt("callMethod closure", () -> Reflect.callMethod(null, (a:Int, b:Int) -> a - b, [10, 3]));
		attempt("callMethod not a function", () -> Reflect.callMethod(null, (42 : Dynamic), []));
		var f1 = p.sum, f2 = p.sum, f3 = p3.sum;
		attempt("compareMethods", () -> Reflect.compareMethods(f1, f2) + " " + Reflect.compareMethods(f1, f3) + " " + Reflect.compareMethods(f1, p.three)
			+ " " + Reflect.compareMethods(Point.stat, Point.stat));
		var kinds:Array<Dynamic> = [null, 1, 1.5, true, "s", [1], {a: 1}, p, Point, E, A, B(1), f1, haxe.io.Bytes.alloc(1), new Map<Int, Int>()];
		for (k in kinds)
			Sys.println("kind " + (Reflect.isFunction(k) ? "<function>" : Std.string(k)) + " object=" + Reflect.isObject(k) + " function=" + Reflect.isFunction(k) + " enum="
				+ Reflect.isEnumValue(k));
		var c = Reflect.copy(anon);
		c.a = "changed";
		Sys.println("copy=" + c.a + " original=" + anon.a + " copy null=" + Reflect.copy(null));
		var va:Dynamic = Reflect.makeVarArgs(args -> args.length + ":" + args.join("/"));
		Sys.println("varargs=" + va() + " " + va(1) + " " + va(1, "two", 3.5, null));
		Sys.println("compare=" + Reflect.compare(1, 2) + " " + Reflect.compare("b", "a") + " " + Reflect.compare(2.5, 2.5) + " " + Reflect.compare(null, null)
			+ " " + Reflect.compare((null : Dynamic), 1) + " " + Reflect.compare(1, (null : Dynamic)));
	}
}
