// Reflect: field/setField/hasField/deleteField/fields, callMethod, isFunction, isObject, isEnumValue, copy, compare, makeVarArgs.
class Target {
	public var a:Int = 1;
	public var b:String = "bee";
	public var list:Array<Int> = [1];

	public function new() {}

	public function sum(x:Int, y:Int):Int {
		return a + x + y;
	}
}

class ReflectApi {
	static function sorted(a:Array<String>):Array<String> {
		var c = a.copy();
		c.sort(Reflect.compare);
		return c;
	}

	static function main() {
		var t = new Target();
		Sys.println("field a=" + Reflect.field(t, "a") + " b=" + Reflect.field(t, "b"));
		Reflect.setField(t, "a", 10);
		Sys.println("after setField a=" + t.a);
		Sys.println("hasField a=" + Reflect.hasField(t, "a") + " zz=" + Reflect.hasField(t, "zz"));
		Sys.println("instance fields sorted=" + sorted(Reflect.fields(t)));
		var m = Reflect.field(t, "sum");
		Sys.println("isFunction(method)=" + Reflect.isFunction(m) + " isFunction(field)=" + Reflect.isFunction(t.a));
		Sys.println("callMethod=" + Reflect.callMethod(t, m, [2, 3]));
		var o = {x: 1, y: "why", z: 2.5};
		Sys.println("anon fields sorted=" + sorted(Reflect.fields(o)));
		Reflect.setField(o, "x", 99);
		Sys.println("anon setField x=" + o.x);
		var dyn:Dynamic = {};
		Reflect.setField(dyn, "k1", "v1");
		Reflect.setField(dyn, "k2", 2);
		Sys.println("dynobj fields sorted=" + sorted(Reflect.fields(dyn)) + " k2=" + Reflect.field(dyn, "k2"));
		Sys.println("deleteField k1=" + Reflect.deleteField(dyn, "k1") + " again=" + Reflect.deleteField(dyn, "k1") + " fields="
			+ Reflect.fields(dyn));
		var cp = Reflect.copy(o);
		cp.x = 5;
		Sys.println("copy independent=" + o.x + "," + cp.x + " y=" + cp.y);
		Sys.println("isObject anon=" + Reflect.isObject(o) + " int=" + Reflect.isObject(1) + " string=" + Reflect.isObject("s")
			+ " null=" + Reflect.isObject(null));
		Sys.println("isEnumValue=" + Reflect.isEnumValue(haxe.ds.Option.None) + " " + Reflect.isEnumValue(3));
		Sys.println("compare ints=" + Reflect.compare(1, 2) + "," + Reflect.compare(2, 2) + "," + Reflect.compare(3, 2));
		Sys.println("compare strings=" + (Reflect.compare("abc", "abd") < 0) + " floats=" + Reflect.compare(1.5, 0.5));
		var f = function(x:Int) return x + 1;
		Sys.println("compareMethods same=" + Reflect.compareMethods(f, f));
		var va:Dynamic = Reflect.makeVarArgs(function(args:Array<Dynamic>) return args.length + ":" + args.join("-"));
		Sys.println("makeVarArgs=" + va(1, "two", 3.5) + " none=" + va());
		var statics = Reflect.field(ReflectApi, "sorted");
		Sys.println("static method via Reflect=" + Reflect.callMethod(ReflectApi, statics, [["b", "a"]]));
		var lf:Dynamic = t.list;
		Sys.println("array via Reflect.field=" + lf);
		Reflect.setProperty(t, "b", "set by property");
		Sys.println("setProperty plain field=" + t.b);
	}
}
