// Type and enum reflection at the edges: typeof of every value kind (including Null<T> boxes, functions, classes, enums, hl types), getClassName of std and nested-package classes, resolveClass/resolveEnum of unknown and generic names, createEmptyInstance field defaults, createInstance with missing/extra/optional arguments, enum constructors with optional and default parameters, enumEq deep and on different enums, allEnums, getEnumConstructs order, enumParameters copies.
package;

import haxe.ds.Option;

class Base {
	public var i:Int = 5;
	public var f:Float;
	public var s:String = "init";
	public var b:Bool;
	public var arr:Array<Int>;

	public function new(i:Int, ?s:String, f = 2.5) {
		this.i = i;
		if (s != null)
			this.s = s;
		this.f = f;
	}

	public function method() {}
}

class Child extends Base {
	public var extra = "x";
}

enum Op {
	Nop;
	Push(v:Int);
	Pair(a:String, ?b:Int);
	Tree(l:Op, r:Op);
	Arr(a:Array<Op>);
}

enum Other {
	Nop2;
	Push2(v:Int);
}

class TypeEnumEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + r);
	}

	static function main() {
		var ni:Null<Int> = 3, nf:Null<Float> = 1.5, nb:Null<Bool> = true;
		var values:Array<Dynamic> = [null, 0, -1, 1.0, 1.5, ni, nf, nb, "s", [1], {x: 1}, new Base(1), Base, Op, Push(1), Nop, function() {}, Math.NaN,
			haxe.io.Bytes.alloc(1), new haxe.ds.StringMap<Int>(), Date.now(), Type.typeof];
		for (v in values) {
			var t = Type.typeof(v);
			var detail = switch t {
				case TClass(c): Type.getClassName(c);
				case TEnum(e): Type.getEnumName(e);
				default: "";
			}
			Sys.println("typeof " + (Reflect.isFunction(v) ? "<function>" : (Std.isOfType(v, Date) ? "<date>" : Std.string(v))) + " = " + t.getName()
				+ " " + detail);
		}
		attempt("class names", () -> [Type.getClassName(String), Type.getClassName(Array), Type.getClassName(haxe.ds.StringMap),
			Type.getClassName(haxe.io.Bytes), Type.getClassName(Child), Type.getClassName(haxe.Exception), Type.getClassName(Math), Type.getClassName(Std)].join(","));
		attempt("enum names", () -> [Type.getEnumName(Op), Type.getEnumName(Option), Type.getEnumName(haxe.io.Error), Type.getEnumName(Type.ValueType)].join(","));
		attempt("resolve", () -> [Std.string(Type.resolveClass("Child")), Std.string(Type.resolveClass("haxe.ds.StringMap")), Std.string(Type.resolveClass("Nope")),
			Std.string(Type.resolveClass("")), Std.string(Type.resolveEnum("Op")), Std.string(Type.resolveEnum("haxe.ds.Option")), Std.string(Type.resolveEnum("Base")),
			Std.string(Type.resolveClass("Op")), Std.string(Type.resolveClass("Array")), Std.string(Type.resolveClass("String"))].join(","));
		attempt("super", () -> Type.getClassName(Type.getSuperClass(Child)) + " " + Type.getSuperClass(Base) + " " + Type.getSuperClass(String));
		attempt("empty instance", () -> {
			var e:Child = Type.createEmptyInstance(Child);
			return e.i + " " + e.f + " " + e.s + " " + e.b + " " + e.arr + " " + e.extra;
		});
		attempt("createInstance full", () -> {
			var c:Base = Type.createInstance(Base, [7, "given", 9.5]);
			return c.i + " " + c.s + " " + c.f;
		});
		attempt("createInstance optional", () -> {
			var c:Base = Type.createInstance(Base, [7]);
			return c.i + " " + c.s + " " + c.f;
		});
		attempt("createInstance nulls", () -> {
			var c:Base = Type.createInstance(Base, [7, null, null]);
			return c.i + " " + c.s + " " + c.f;
		});
		attempt("createInstance child", () -> {
			var c:Child = Type.createInstance(Child, [1]);
			return c.i + " " + c.extra;
		});
		attempt("createInstance missing", () -> Type.createInstance(Base, []).i);
		attempt("createInstance extra", () -> Type.createInstance(Base, [1, "a", 2.0, "x"]).i);
		attempt("createInstance wrong type", () -> Type.createInstance(Base, ["str"]).i);
		attempt("instance fields", () -> {
			var f = Type.getInstanceFields(Child);
			f.sort(Reflect.compare);
			return f.join(",");
		});
		attempt("class fields", () -> {
			var f = Type.getClassFields(TypeEnumEdge);
			f.sort(Reflect.compare);
			return f.join(",");
		});
		attempt("constructs", () -> Type.getEnumConstructs(Op).join(",") + " " + Type.allEnums(Op).length + " " + Type.allEnums(Other));
		attempt("createEnum", () -> Std.string(Type.createEnum(Op, "Pair", ["a"])) + " " + Std.string(Type.createEnum(Op, "Pair", ["a", 2])) + " "
			+ Std.string(Type.createEnumIndex(Op, 1, [5])) + " " + Std.string(Type.createEnum(Op, "Nop")) + " " + Std.string(Type.createEnum(Op, "Nop", [])));
		attempt("createEnum extra args", () -> Std.string(Type.createEnum(Op, "Push", [1, 2])));
		attempt("createEnum args on constant", () -> Std.string(Type.createEnum(Op, "Nop", [1])));
		attempt("createEnum wrong type", () -> Std.string(Type.createEnum(Op, "Push", ["x"])));
		attempt("enumEq", () -> Type.enumEq(Tree(Push(1), Nop), Tree(Push(1), Nop)) + " " + Type.enumEq(Tree(Push(1), Nop), Tree(Push(2), Nop)) + " "
			+ Type.enumEq(Arr([Nop]), Arr([Nop])) + " " + Type.enumEq(Pair("a"), Pair("a", null)) + " " + Type.enumEq(Nop, Nop) + " "
			+ Type.enumEq(null, Nop) + " " + Type.enumEq(null, null));
		attempt("enumEq other enum", () -> Type.enumEq(cast Nop, cast Nop2));
		attempt("==", () -> ((Push(1) : Dynamic) == (Push(1) : Dynamic)) + " " + (Nop == Nop) + " " + (Type.createEnum(Op, "Nop") == Nop));
		attempt("parameters", () -> {
			var e = Pair("p", 3);
			var ps = Type.enumParameters(e);
			ps[0] = "changed";
			return Type.enumParameters(e) + " " + Type.enumParameters(Nop) + " " + Type.enumIndex(e) + " " + Type.enumConstructor(e);
		});
		attempt("getEnum", () -> Type.getEnumName(Type.getEnum(Push(1))) + " " + Type.getEnum(cast 1));
		attempt("getClass", () -> Type.getClass(null) + " " + Type.getClass(cast 1) + " " + Type.getClassName(Type.getClass("s")) + " " + Type.getClass(Push(1)));
		attempt("isOfType", () -> Std.isOfType(new Child(1), Base) + " " + Std.isOfType(new Base(1), Child) + " " + Std.isOfType(Push(1), Op) + " "
			+ Std.isOfType(Nop2, Op) + " " + Std.isOfType(1, Float) + " " + Std.isOfType(1.5, Int) + " " + Std.isOfType(2.0, Int) + " "
			+ Std.isOfType(null, Dynamic) + " " + Std.isOfType("s", Dynamic));
		attempt("downcast", () -> Std.downcast((new Base(1) : Base), Child) + " " + Std.downcast(null, Child));
	}
}
