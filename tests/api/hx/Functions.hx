/* Haxe side of tests/api/test_functions.c: function values made in C (hlffi_function_new) called by
 * Haxe, and Haxe function values called from C (hlffi_function_call). */
@:keep
class Functions {
	public static var f:Dynamic;
	public static var stored:Array<Dynamic> = [];
	public static var buffer:haxe.io.Bytes = haxe.io.Bytes.alloc(4); // keeps haxe.io.Bytes for the C side

	static function main() {}

	public static function apply(g:(Int) -> Int, x:Int):Int return g(x);
	public static function apply2(g:Dynamic, a:Dynamic, b:Dynamic):Dynamic return g(a, b);
	public static function applyString(g:(String) -> String, s:String):String return g(s);

	public static function mapSum(n:Int, g:(Int) -> Int):Int {
		var s = 0;
		for (x in [for (i in 0...n) i].map(g))
			s += x;
		return s;
	}

	public static function makeAdder(n:Int):(Int) -> Int return function(x) return x + n;
	public static function twice(x:Int):Int return x * 2;
	public static function getTwice():(Int) -> Int return twice;
	public static function thrower(s:String):Void throw s;
	public static function getThrower():(String) -> Void return thrower;
	public static function getNull():(Int) -> Int return null;
	public static function getVoid():(Int) -> Void return function(x) stored.push(x);
	public static function varArgs():Dynamic return Reflect.makeVarArgs(function(a:Array<Dynamic>) return a.length * 10 + a[0]);
	public static function floatFn():(Float, Int) -> Float return function(a, b) return a * b;

	public static function callAndCatch(g:Dynamic):String {
		try {
			return "ok " + Std.string(g());
		} catch (e:String) {
			return "caught string " + e;
		} catch (e:Dynamic) {
			return "caught " + Std.string(e);
		}
	}

	public static function keep(g:Dynamic):Void stored.push(g);
	public static function callKept(i:Int, x:Dynamic):Dynamic return stored[i](x);
	public static function clearKept():Void stored = [];

	public static function collect():Void hl.Gc.major();

	/* Garbage, so that collections run while function values are held only by Haxe. */
	public static function churn(n:Int):Int {
		var a = [];
		for (i in 0...n)
			a.push("s" + i);
		return a.length;
	}

	/* Haxe code rebinding a host function to other values: refused with an exception, never a crash. */
	public static function rebind(g:Dynamic):String {
		var out = [];
		try {
			var h:Dynamic = hl.Api.makeClosure(g, "not a closure");
			out.push("made " + (h == null ? "null" : "closure"));
			out.push("called " + h(1));
		} catch (e:Dynamic) {
			out.push("caught " + Std.string(e));
		}
		try {
			var raw:Dynamic = hl.Api.noClosure(g);
			out.push("called " + raw(12, 1));
		} catch (e:Dynamic) {
			out.push("caught " + Std.string(e));
		}
		try {
			out.push("reflect " + Reflect.callMethod(null, g, [5]));
		} catch (e:Dynamic) {
			out.push("caught " + Std.string(e));
		}
		return out.join("; ");
	}
}

@:keep
class Counter {
	var n = 0;

	public function new() {}

	public function add(k:Int):Int {
		n += k;
		return n;
	}
}

@:keep
class DoubleCounter extends Counter {
	override public function add(k:Int):Int return super.add(k * 2);
}
