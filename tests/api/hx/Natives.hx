/* Haxe side of tests/api/test_natives.c: `@:hlNative` declarations the host binds with
 * hlffi_register_native, and the Haxe code that calls them and checks what they return. */
@:keep
class Natives {
	@:hlNative("host", "add") static function add(a:Int, b:Float):Int return -1;
	@:hlNative("host", "all") static function all(a:hl.UI8, b:hl.UI16, c:hl.I64, d:Single, e:Float, f:Bool, g:Int):Float return -1;
	@:hlNative("host", "wide") static function wide(a:hl.I64):hl.I64 return 0;
	@:hlNative("host", "small") static function small(a:Int):hl.UI8 return 0;
	@:hlNative("host", "single") static function single(a:Single):Single return 0;
	@:hlNative("host", "neg") static function neg(b:Bool):Bool return false;
	@:hlNative("host", "greet") static function greet(s:String):String return null;
	@:hlNative("host", "bytes") static function bytes(b:hl.Bytes, n:Int):Int return -1;
	@:hlNative("host", "fill") static function fill(n:Int):hl.Bytes return null;
	@:hlNative("host", "dyn") static function dyn(d:Dynamic, p:Point):Dynamic return null;
	@:hlNative("host", "fail") static function fail(msg:String):Void {}
	@:hlNative("host", "square_back") static function squareBack(n:Int):Int return -1;
	@:hlNative("host", "unregistered") static function unregistered():Int return -1;

	static function main() {}

	public static function testAdd(a:Int, b:Float):Int return add(a, b);
	public static function testAll():Float return all(250, 65000, 1, 0.5, 0.25, true, -7);
	public static function testWide():String {
		var x:hl.I64 = 3;
		x = x << 40;
		var y = wide(x);
		return y == (x + (1:hl.I64)) ? "ok" : "wrong";
	}
	public static function testSmall(a:Int):Int return small(a);
	public static function testSingle(a:Float):Float return single(a);
	public static function testNeg(b:Bool):Bool return neg(b);
	public static function testGreet(s:String):String return greet(s);
	public static function testGreetLength(s:String):Int return greet(s).length;
	public static function testBytes():Int {
		var b = haxe.io.Bytes.ofString("hello");
		return bytes(@:privateAccess b.b, b.length);
	}
	public static function testFill():String {
		var b = fill(4);
		return b == null ? "null" : String.fromCharCode(b[0]) + String.fromCharCode(b[3]);
	}
	public static function testDyn(p:Point):Dynamic return dyn({x: 1, s: "anon"}, p);
	public static function testFail(msg:String):String {
		try {
			fail(msg);
			return "no throw";
		} catch (e:String) {
			return "caught " + e;
		}
	}
	public static function testSquareBack(n:Int):Int return squareBack(n);
	public static function square(n:Int):Int return n * n;
	public static function root(x:Float):Float return Math.sqrt(x);
	public static function testUnregistered():String {
		try {
			return "returned " + unregistered();
		} catch (e:Dynamic) {
			return Std.string(e);
		}
	}
	/* A host native as a function value (static closure). */
	public static function asValue():(Int, Float) -> Int return add;
	public static function loop(n:Int):Int {
		var s = 0;
		for (i in 0...n)
			s += add(i, 0.5);
		return s;
	}
	public static function loopGreet(n:Int):Int {
		var s = 0;
		for (i in 0...n)
			s += greet("n" + i).length;
		return s;
	}
}

@:keep
class Point {
	public var x:Int;
	public var y:Int;

	public function new(x, y) {
		this.x = x;
		this.y = y;
	}
}
