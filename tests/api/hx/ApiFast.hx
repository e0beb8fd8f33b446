/* Haxe side of tests/api/test_fastcall.c: functions called from C through the host's fast entry
 * (typed and cached calls) and through its general path, which the tests force. */
@:keep
class ApiFast {
	public static var nest:Dynamic; // a C callback that calls back into Haxe (a nested entry)
	public static var seen:Int = 0;

	static function main() {}

	// Every argument count the entry copies specially, and more.
	public static function zero():Int return 7;
	public static function one(a:Int):Int return a + 1;
	public static function two(a:Int, b:Int):Int return a * 10 + b;
	public static function three(a:Int, b:Int, c:Int):Int return a * 100 + b * 10 + c;
	public static function four(a:Int, b:Float, c:Int, d:Float):Float return a + b * 10 + c * 100 + d * 1000;
	public static function six(a:Int, b:Int, c:Int, d:Int, e:Int, f:Int):Int
		return ((((a * 10 + b) * 10 + c) * 10 + d) * 10 + e) * 10 + f;
	public static function store(v:Int):Void seen = v;

	// Many registers (the entry zeroes most frames with plain stores, bigger ones with memset), with
	// objects in them: a collection while it runs scans them by the frame's pointer map.
	public static function manyLocals(n:Int):Int {
		var a = [n];
		var s = "s" + n;
		var b = [n + 1, n + 2];
		var m = new Map<Int, String>();
		m.set(n, s);
		var total = 0;
		for (i in 0...200) {
			var t = [i, i + 1];
			total += t[1] - t[0];
		}
		return a[0] + b[1] + m.get(n).length + total;
	}

	// Deep recursion: frames beyond the first register segment, popped back through them.
	public static function depth(n:Int):Int return n == 0 ? 0 : depth(n - 1) + 1;

	public static function deepThrow(n:Int):Int {
		if (n == 0)
			throw "bottom";
		return deepThrow(n - 1) + 1;
	}

	// Through C and back: nest(n) calls Haxe again from its callback.
	public static function viaC(n:Int):Int return (nest(n) : Int) + 1;

	// Catches what a nested call from the callback passes on.
	public static function viaCCaught(n:Int):Int {
		try {
			return (nest(n) : Int);
		} catch (e:Dynamic) {
			return -1000;
		}
	}

	public static function spin(n:Int):Int {
		var s = 0;
		for (i in 0...n)
			s += i & 1;
		return s;
	}

	public static function forever():Void {
		while (true) {}
	}

	public static function quit(code:Int):Int {
		Sys.exit(code);
		return 0;
	}
}
