// Type: getClass, getClassName, resolveClass, createInstance, createEmptyInstance, getSuperClass, typeof, instance/class fields.
class Base {
	public var id:Int;

	public function new(id:Int) {
		this.id = id;
	}

	public function kind():String {
		return "base";
	}

	public static function make():Base {
		return new Base(0);
	}
}

class Child extends Base {
	public var extra:String;

	public function new(id:Int, extra:String) {
		super(id);
		this.extra = extra;
	}

	override public function kind():String {
		return "child";
	}

	public static var counter:Int = 0;

	public static function helper():Int {
		return 1;
	}
}

enum Kind {
	KA;
	KB(v:Int);
}

class TypeApi {
	static function sorted(a:Array<String>):Array<String> {
		a.sort(Reflect.compare);
		return a;
	}

	static function main() {
		var c = new Child(7, "x");
		var cls = Type.getClass(c);
		Sys.println("getClassName=" + Type.getClassName(cls));
		Sys.println("super=" + Type.getClassName(Type.getSuperClass(cls)) + " super of Base is null="
			+ (Type.getSuperClass(Base) == null));
		var resolved = Type.resolveClass("Child");
		Sys.println("resolveClass Child==cls " + (resolved == cls) + " missing=" + Type.resolveClass("NoSuchClass"));
		var inst:Child = Type.createInstance(resolved, [42, "made"]);
		Sys.println("createInstance id=" + inst.id + " extra=" + inst.extra + " kind=" + inst.kind());
		var empty:Child = Type.createEmptyInstance(Child);
		Sys.println("createEmptyInstance extra=" + empty.extra + " kind=" + empty.kind());
		Sys.println("instance fields=" + sorted(Type.getInstanceFields(Child)));
		Sys.println("class fields=" + sorted(Type.getClassFields(Child)));
		Sys.println("resolveEnum=" + Type.getEnumName(Type.resolveEnum("Kind")) + " missing=" + Type.resolveEnum("Nope"));
		var values:Array<Dynamic> = [1, -2.5, true, "s", null, c, KB(1), KA, [1], {a: 1}, Base.make, Child];
		for (v in values)
			Sys.println("typeof " + Std.string(v == null ? "null" : Type.typeof(v).getName()) + "=" + Type.typeof(v));
		Sys.println("typeof enum value name=" + Type.typeof(KB(3)).getName());
		switch Type.typeof(c) {
			case TClass(k):
				Sys.println("typeof class match=" + Type.getClassName(k));
			default:
				Sys.println("typeof class match=none");
		}
		Sys.println("Std.isOfType Base=" + Std.isOfType(c, Base) + " String=" + Std.isOfType(c, String));
		Sys.println("isOfType Int=" + Std.isOfType(3, Int) + " Float of int=" + Std.isOfType(3, Float) + " Int of float="
			+ Std.isOfType(3.5, Int));
		Sys.println("isOfType Bool=" + Std.isOfType(false, Bool) + " String=" + Std.isOfType("x", String) + " Array="
			+ Std.isOfType([1], Array));
		Sys.println("getClass of string=" + Type.getClassName(Type.getClass("s")));
		Sys.println("getClass of null=" + Type.getClass(null));
	}
}
