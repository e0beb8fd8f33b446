// Dynamic objects (HashLink's dynobj) in depth: field order of Reflect.fields and printing as fields are added, removed and re-added, many fields (past a small table), fields whose names collide on nothing but look alike, numeric-looking and Unicode names, values of every type stored and re-typed, copies, virtual views of class instances and anonymous structures through typedefs, comparison of dynamic values.
typedef HasX = {x:Int, ?y:String};

class Holder {
	public var x:Int = 1;
	public var y:String = "holder";
	public var z:Float = 0.5;

	public function new() {}
}

class DynObjFields {
	static function main() {
		var o:Dynamic = {};
		for (n in ["b", "a", "c", "longer_name", "x1", "x10", "x2"])
			Reflect.setField(o, n, n.length);
		Sys.println("fields=" + Reflect.fields(o).join(",") + " string=" + Std.string(o));
		Reflect.deleteField(o, "a");
		Reflect.deleteField(o, "x10");
		Sys.println("after delete=" + Reflect.fields(o).join(",") + " string=" + Std.string(o));
		Reflect.setField(o, "a", "back");
		Sys.println("re-added=" + Reflect.fields(o).join(",") + " a=" + o.a);
		var many:Dynamic = {};
		for (i in 0...60)
			Reflect.setField(many, "f" + ((i * 37) % 60), i);
		var keys = Reflect.fields(many);
		Sys.println("many count=" + keys.length + " order=" + keys.join(","));
		var sum = 0;
		for (k in keys)
			sum += Reflect.field(many, k);
		Sys.println("many sum=" + sum);
		for (i in 0...60)
			if (i % 2 == 0)
				Reflect.deleteField(many, "f" + i);
		Sys.println("many after delete=" + Reflect.fields(many).join(","));
		var odd:Dynamic = {};
		for (n in ["0", "123", "é", "😀", "with space", "", "_", "$dollar"])
			Reflect.setField(odd, n, "v" + n);
		Sys.println("odd names=" + [for (k in Reflect.fields(odd)) "[" + k + "]=" + Reflect.field(odd, k)].join(","));
		var kinds:Dynamic = {};
		kinds.i = 1;
		kinds.f = 1.5;
		kinds.s = "s";
		kinds.b = true;
		kinds.n = null;
		kinds.a = [1, 2];
		kinds.fn = (x:Int) -> x * 2;
		kinds.o = {inner: 1};
		Sys.println("kinds i+1=" + (kinds.i + 1) + " f*2=" + (kinds.f * 2) + " s+=" + (kinds.s + "!") + " !b=" + !kinds.b + " n=" + kinds.n + " a.len="
			+ kinds.a.length + " fn(21)=" + kinds.fn(21) + " o.inner=" + kinds.o.inner);
		kinds.i = "now a string";
		kinds.f = 3;
		Sys.println("retyped i=" + kinds.i + " f=" + kinds.f + " typeof f=" + Type.typeof(kinds.f).getName());
		var c = Reflect.copy(kinds);
		c.i = "copy";
		Sys.println("copy i=" + c.i + " original i=" + kinds.i + " same fields=" + (Reflect.fields(c).join(",") == Reflect.fields(kinds).join(",")));
		var h = new Holder();
		var v:HasX = h;
		Sys.println("virtual of class x=" + v.x + " y=" + v.y);
		v.x = 42;
		Sys.println("write through virtual=" + h.x);
		var anon = {x: 7, y: "anon", extra: true};
		var va:HasX = anon;
		va.y = "changed";
		Sys.println("virtual of anon=" + va.x + " " + anon.y + " fields=" + Reflect.fields(va).join(","));
		var dynv:Dynamic = va;
		dynv.added = "new";
		Sys.println("field added through dynamic=" + Reflect.hasField(anon, "added") + " " + Reflect.field(anon, "added") + " fields="
			+ Reflect.fields(anon).join(","));
		var partial:HasX = {x: 1};
		Sys.println("optional missing=" + partial.y + " fields=" + Reflect.fields(partial).join(","));
		var d1:Dynamic = {a: 1}, d2:Dynamic = {a: 1};
		Sys.println("dynamic compare=" + (d1 == d2) + " " + (d1 == d1) + " " + Reflect.compare(d1, d1));
		var num1:Dynamic = 1, num2:Dynamic = 1.0, str1:Dynamic = "1";
		Sys.println("dynamic values compare=" + (num1 == num2) + " " + (num1 == str1) + " " + Reflect.compare(num1, num2) + " " + Reflect.compare(2, num2));
		var arrDyn:Dynamic = [3, 1, 2];
		arrDyn.sort(Reflect.compare);
		arrDyn.push(4);
		Sys.println("dynamic array methods=" + arrDyn + " len=" + arrDyn.length + " join=" + arrDyn.join("-"));
		var strDyn:Dynamic = "hello";
		Sys.println("dynamic string methods=" + strDyn.toUpperCase() + " " + strDyn.length + " " + strDyn.charAt(1) + " " + strDyn.split("l").length);
	}
}
