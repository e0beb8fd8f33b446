// Runtime errors as values: null access on fields/methods/arrays/closures, invalid casts between classes and basic types, calling null through Dynamic (calling an Int crashes HashLink: not covered), unknown dynamic fields, enum constructor misuse (out-of-range reads of native arrays are unchecked in HashLink: not covered); each caught, printed with Std.string and its type.
class Animal {
	public var name:String;

	public function new(n)
		name = n;

	public function speak()
		return name;
}

class Dog extends Animal {}

class RuntimeErrors {
	static var log:Array<String> = [];

	static function attempt(label:String, f:Void->Dynamic) {
		try {
			var r = f();
			log.push(label + " -> " + Std.string(r));
		} catch (e:haxe.Exception) {
			log.push(label + " !! " + Type.getClassName(Type.getClass(e)) + ": " + e.message);
		}
	}

	static function main() {
		var nobody:Animal = null;
		var arr:Array<Int> = null;
		var fn:Int->Int = null;
		var dyn:Dynamic = null;
		attempt("field of null", () -> nobody.name);
		attempt("method of null", () -> nobody.speak());
		attempt("null array read", () -> arr[0]);
		attempt("null array length", () -> arr.length);
		attempt("call null closure", () -> fn(1));
		attempt("dynamic field of null", () -> dyn.x);
		attempt("dynamic call of null", () -> dyn());
		attempt("string method of null", () -> {
			var s:String = null;
			return s.length;
		});
		var a:Dynamic = new Animal("cat");
		attempt("cast to subclass", () -> (cast(a, Dog) : Dog).name);
		attempt("cast to String", () -> cast(a, String));
		attempt("cast string to Int", () -> {
			var d:Dynamic = "12";
			return (d : Int) + 1;
		});
		attempt("cast int to String", () -> {
			var d:Dynamic = 12;
			var s:String = d;
			return s;
		});
		attempt("cast float to Int", () -> {
			var d:Dynamic = 2.5;
			var i:Int = d;
			return i;
		});
		attempt("cast bool to Int", () -> {
			var d:Dynamic = true;
			var i:Int = d;
			return i;
		});
		attempt("cast null to Int", () -> {
			var d:Dynamic = null;
			var i:Int = d;
			return i;
		});
		attempt("cast array to Animal", () -> {
			var d:Dynamic = [1];
			var an:Animal = d;
			return an.name;
		});
		attempt("call string method dynamically", () -> {
			var d:Dynamic = "abc";
			return d.toUpperCase();
		});
		attempt("missing method dynamically", () -> {
			var d:Dynamic = new Animal("x");
			return d.fly();
		});
		attempt("missing field dynamically", () -> {
			var d:Dynamic = new Animal("x");
			return d.wings;
		});
		attempt("set missing field dynamically", () -> {
			var d:Dynamic = new Animal("x");
			d.wings = 2;
			return d.wings;
		});
		attempt("too few args dynamically", () -> {
			var d:Dynamic = (x:Int, y:Int) -> x + y;
			return d(1);
		});
		attempt("too many args dynamically", () -> {
			var d:Dynamic = (x:Int) -> x;
			return d(1, 2);
		});
		attempt("createEnum bad name", () -> Type.createEnum(haxe.ds.Option, "Nope"));
		attempt("createEnum missing args", () -> Type.createEnum(haxe.ds.Option, "Some"));
		attempt("createEnumIndex out of range", () -> Type.createEnumIndex(haxe.ds.Option, 5));
		attempt("createInstance null", () -> Type.createInstance(null, []));
		attempt("throw string", () -> throw "plain");
		attempt("throw int", () -> throw 42);
		attempt("throw null", () -> throw null);
		attempt("exception subclass", () -> throw new haxe.exceptions.ArgumentException("arg", "bad value"));
		attempt("not implemented", () -> throw new haxe.exceptions.NotImplementedException());
		attempt("Std.parseInt null", () -> Std.parseInt(null));
		attempt("string charAt on null via dynamic", () -> {
			var d:Dynamic = null;
			return d.charAt(0);
		});
		for (l in log)
			Sys.println(l);
	}
}
