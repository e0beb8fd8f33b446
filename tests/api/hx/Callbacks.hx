/* Haxe side of tests/api/test_callbacks.c: hlffi v3 callbacks stored in static fields and called from
 * Haxe through Dynamic and function types. */
@:keep
class Callbacks {
	public static var cb0:Dynamic;
	public static var cb1:Dynamic;
	public static var cb2:Dynamic;
	public static var big:Dynamic;
	public static var typedAdd:(Int, Int) -> Int;
	public static var typedConcat:(String, String) -> String;
	public static var typedMix:(Float, Bool) -> Float;
	public static var typedVoid:(Int) -> Void;
	public static var rec:Dynamic;
	public static var held:Array<Dynamic> = [];

	static function main() {}

	public static function callCb0():Dynamic return cb0();
	public static function callCb1(x:Dynamic):Dynamic return cb1(x);
	public static function callCb2(a:Dynamic, b:Dynamic):Dynamic return cb2(a, b);

	/* n calls of cb2(i, 1) summed: the per-call path (argument handles, result taken over). */
	public static function sumWith(n:Int):Int {
		var s = 0;
		for (i in 0...n)
			s += cb2(i, 1);
		return s;
	}

	/* Allocates while calling back, so collections run with callbacks on the stack. */
	public static function churn(n:Int):Int {
		var total = 0;
		for (i in 0...n) {
			var s:String = cb1("item" + i);
			total += s.length;
		}
		return total;
	}

	public static function callBig():Dynamic return big(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

	public static function callTypedAdd(a:Int, b:Int):Int return typedAdd(a, b);
	public static function callTypedConcat(a:String, b:String):String return typedConcat(a, b);
	public static function callTypedMix(x:Float, b:Bool):Float return typedMix(x, b);
	public static function callTypedVoid(x:Int):Int {
		typedVoid(x);
		return x;
	}

	/* A typed callback called through Dynamic with a value it cannot take. */
	public static function typedThroughDynamic():String {
		var d:Dynamic = typedAdd;
		try {
			return "returned " + d("x", 2);
		} catch (e:Dynamic) {
			return "caught";
		}
	}

	public static function catchString():String {
		try {
			cb0();
			return "no throw";
		} catch (e:String) {
			return "caught " + e;
		}
	}

	public static function catchAny():String {
		try {
			cb0();
			return "no throw";
		} catch (e:Dynamic) {
			return "caught " + Std.string(e);
		}
	}

	/* rec(n) calls the C callback, which calls recurse(n - 1) back through hlffi_call_static. */
	public static function recurse(n:Int):Int {
		if (n <= 0)
			return 0;
		return rec(n);
	}

	public static function viaReflect():Dynamic return Reflect.callMethod(null, cb2, [3, 4]);
	public static function sameCallback():Bool return Reflect.compareMethods(cb0, cb0) && !Reflect.compareMethods(cb0, cb1);
	public static function isFunction():Bool return Reflect.isFunction(cb1);

	public static function hold():Void held.push(cb1);
	public static function callHeld(x:Dynamic):Dynamic return held[0](x);
}
