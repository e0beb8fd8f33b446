// dynamic methods: instance and static `dynamic function` replacement, calling the original, per-instance overrides, subclass overrides.
class Handler {
	public var name:String;

	public function new(n:String) {
		name = n;
	}

	public dynamic function handle(x:Int):String {
		return name + " default " + x;
	}

	public static dynamic function format(v:Float):String {
		return "v=" + v;
	}
}

class SubHandler extends Handler {
	override public dynamic function handle(x:Int):String {
		return "sub(" + name + " " + x + ")";
	}
}

class DynamicMethods {
	static function main() {
		var a = new Handler("a");
		var b = new Handler("b");
		Sys.println("default=" + a.handle(1) + " | " + b.handle(2));
		var orig = a.handle;
		a.handle = x -> "replaced " + x + " then " + orig(x * 10);
		Sys.println("replaced one instance=" + a.handle(3) + " | other=" + b.handle(4));
		a.handle = orig;
		Sys.println("restored=" + a.handle(5));
		var s = new SubHandler("s");
		Sys.println("subclass dynamic override=" + s.handle(6));
		s.handle = x -> "instance on sub " + x;
		Sys.println("instance override on subclass=" + s.handle(7));
		Sys.println("static dynamic default=" + Handler.format(1.5));
		var prev = Handler.format;
		Handler.format = v -> "[" + prev(v * 2) + "]";
		Sys.println("static dynamic replaced=" + Handler.format(1.5));
		var h:Handler = new SubHandler("t");
		var viaBase = h.handle;
		Sys.println("closure of dynamic method=" + viaBase(8));
		Reflect.setField(b, "handle", function(x:Int) return "set by Reflect " + x);
		Sys.println("Reflect.setField on dynamic method=" + b.handle(9));
		var counter = 0;
		var c = new Handler("c");
		c.handle = function(x) {
			counter += x;
			return "counted " + counter;
		};
		c.handle(2);
		Sys.println("stateful replacement=" + c.handle(3) + " counter=" + counter);
	}
}
