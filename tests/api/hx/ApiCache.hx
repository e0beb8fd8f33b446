// The module of the cached-call, typed-call and try_ tests (test_cache, test_try, test_cache_memory):
// static methods of every argument kind, a class hierarchy with an override (virtual dispatch) and a
// method nobody overrides, throwing methods, and counters the C side reads back to check what ran.
@:keep
class ApiCache {
	public static var calls:Int = 0;
	public static var lastText:String = "";
	public static var hook:Int->Int = null;

	public static function one():Int {
		return 1;
	}

	public static function add(a:Int, b:Int):Int {
		return a + b;
	}

	public static function touch():Void {
		calls++;
	}

	// Every numeric kind in and out: the typed path reads and writes each by its declared type.
	public static function mix(a:hl.UI8, b:hl.UI16, c:Int, d:hl.I64, e:Single, f:Float, g:Bool):Float {
		var s:Float = a + b + c + e + f;
		s += haxe.Int64.toInt(d);
		return g ? s : -s;
	}

	public static function big(x:hl.I64):hl.I64 {
		return x * 3;
	}

	public static function half(x:Single):Single {
		return x / 2;
	}

	public static function ui8(x:Int):hl.UI8 {
		return x;
	}

	public static function ui16(x:Int):hl.UI16 {
		return x;
	}

	public static function negate(b:Bool):Bool {
		return !b;
	}

	// References: a String and a Dynamic in, a String out.
	public static function greet(name:String, extra:Dynamic):String {
		lastText = name;
		return "hi " + name + (extra == null ? "" : "/" + Std.string(extra));
	}

	public static function maybe(x:Null<Int>):Int {
		return x == null ? -1 : x * 2;
	}

	public static function fail(msg:String):Int {
		throw "cache failed: " + msg;
	}

	// Allocates (forces collections during cached calls) and returns a fresh string.
	public static function churn(n:Int):String {
		var parts = [];
		for (i in 0...n)
			parts.push(Std.string(i));
		return parts.join(",").substr(0, 8);
	}

	// Calls back into a static through a function stored from C (a nested entry).
	public static function viaHook(x:Int):Int {
		return hook == null ? -1 : hook(x);
	}

	public static function main() {}
}

@:keep
class Shape {
	public var id:Int;
	public var hits:Int = 0;

	public function new(id:Int) {
		this.id = id;
	}

	public function area():Float {
		hits++;
		return 0.0;
	}

	public function scaled(k:Int, f:Float):Float {
		hits++;
		return area() * k * f;
	}

	public function name():String {
		return "shape";
	}

	// Nobody overrides it: a non-virtual method.
	public function ident(x:Int):Int {
		hits++;
		return id * 1000 + x;
	}

	// Boxed arguments: each conversion allocates.
	public function combine(a:Dynamic, b:Null<Int>):String {
		hits++;
		return Std.string(a) + ":" + (b == null ? "null" : Std.string(b + id));
	}

	public function boom():Int {
		throw "shape " + id + " exploded";
	}
}

@:keep
class Square extends Shape {
	public var side:Float;

	public function new(id:Int, side:Float) {
		super(id);
		this.side = side;
	}

	override public function area():Float {
		hits++;
		return side * side;
	}

	override public function name():String {
		return "square";
	}
}

@:keep
class Cube extends Square {
	override public function area():Float {
		hits++;
		return 6 * side * side;
	}
}

@:keep
class Other {
	public function new() {}

	public function area():Float {
		return -1;
	}
}
