// The module of the limits, host-control and more-values API tests (test_limits.c, test_host.c,
// test_values_more.c): loops and recursion to interrupt, printing, Sys.exit, system natives to deny,
// and values that check from the Haxe side what C made.
@:keep
class ApiLimits {
	public static var progress:Int = 0; // written by the loops: the host sees what aborted code wrote
	public static var caught:Int = 0; // incremented by catch blocks that must never run on an abort
	public static var reached:Int = 0;

	// Runs until stopped; each catch (if Haxe could catch the abort) would count in `caught`.
	public static function spin():Int {
		var n = 0;
		while (true) {
			try {
				while (true) {
					n++;
					progress = n;
				}
			} catch (e:Dynamic) {
				caught++;
			}
		}
		return n;
	}

	// Recursion without any loop: only calls are poll points here.
	public static function fib(n:Int):Int {
		return n < 2 ? n : fib(n - 1) + fib(n - 2);
	}

	// Recursion through a try/catch at every level, as deep as the budget lets it go.
	public static function deepCatch(n:Int):Int {
		try {
			progress = n;
			return deepCatch(n + 1) + 1;
		} catch (e:Dynamic) {
			caught++;
			return -1;
		}
	}

	public static function count(n:Int):Int {
		var s = 0;
		for (i in 0...n)
			s += 1;
		progress = s;
		return s;
	}

	public static function sleepLong():Int {
		try {
			Sys.sleep(30);
		} catch (e:Dynamic) {
			caught++;
		}
		reached = 1;
		while (true) progress++;
		return 0;
	}

	// Prints (the host's hook runs inside this call), then loops until stopped.
	public static function printThenSpin():Int {
		Sys.print("x");
		reached = 1;
		var n = 0;
		while (true) {
			try {
				while (true) n++;
			} catch (e:Dynamic) {
				caught++;
			}
		}
		return n;
	}

	// ---- host control ----

	public static var hostFn:Dynamic; // a C callback stored by the host (hlffi_get_callback)

	public static function callHost(x:Int):Int {
		return viaHost(x);
	}

	static function viaHost(x:Int):Int {
		var r:Int = hostFn(x);
		return r;
	}

	// Calls the host n times (the host's callback runs Haxe code of its own each time).
	public static function loopHost(n:Int):Int {
		var done = 0;
		for (i in 0...n) {
			try {
				hostFn(i);
			} catch (e:Dynamic) {
				caught++;
			}
			done++;
			progress = done;
		}
		return done;
	}

	public static function say(s:String):Void {
		Sys.println(s);
	}

	public static function outer(s:String):Void {
		inner(s);
	}

	static function inner(s:String):Void {
		Sys.print(s);
	}

	public static function traceIt(v:Int):Void {
		trace("value", v);
	}

	public static function toStderr(s:String):Void {
		Sys.stderr().writeString(s);
		Sys.stdout().writeString("out:" + s);
	}

	public static function exitWith(code:Int):Int {
		try {
			Sys.exit(code);
		} catch (e:Dynamic) {
			caught++;
		}
		reached = 1;
		return 1;
	}

	public static function fail():Int {
		throw "boom";
	}

	// Allocates a lot (collections) and returns how many strings it made.
	public static function churn(n:Int):Int {
		var total = 0;
		for (i in 0...n) {
			var a = [for (j in 0...16) Std.string(j + i)];
			total += a.length;
		}
		return total;
	}

	// ---- natives by family ----

	public static function readFile(path:String):String {
		try {
			return sys.io.File.getContent(path);
		} catch (e:Dynamic) {
			return "error: " + Std.string(e);
		}
	}

	public static function fileExists(path:String):String {
		try {
			return sys.FileSystem.exists(path) ? "yes" : "no";
		} catch (e:Dynamic) {
			return "error: " + Std.string(e);
		}
	}

	public static function runProcess():String {
		try {
			var p = new sys.io.Process("echo", ["hi"]);
			var out = p.stdout.readAll().toString();
			p.close();
			return out;
		} catch (e:Dynamic) {
			return "error: " + Std.string(e);
		}
	}

	public static function command():String {
		try {
			return "code " + Sys.command("true");
		} catch (e:Dynamic) {
			return "error: " + Std.string(e);
		}
	}

	public static function env():String {
		try {
			var v = Sys.getEnv("HLFFI_LIMITS_TEST");
			return v == null ? "null" : v;
		} catch (e:Dynamic) {
			return "error: " + Std.string(e);
		}
	}

	public static function socket():String {
		try {
			var s = new sys.net.Socket();
			s.close();
			return "ok";
		} catch (e:Dynamic) {
			return "error: " + Std.string(e);
		}
	}

	// ---- more values ----

	public static function i64Add(a:hl.I64, b:Int):hl.I64 {
		return a + b;
	}

	public static function i64Str(a:hl.I64):String {
		return Std.string(a);
	}

	public static function bigI64():hl.I64 {
		// 0x123456789abcdef0 with additions only (hl.I64 has no 64-bit shift operators in Haxe 4.2)
		var x:hl.I64 = 0x12345678;
		for (i in 0...32)
			x = x + x;
		var half:hl.I64 = 0x40000000;
		return x + 0x1abcdef0 + half + half;
	}

	// haxe.Int64 is a class of two Ints on HashLink (Haxe 4.2): hlffi_value_as_i64 reads it too.
	public static function haxeInt64():haxe.Int64 {
		return haxe.Int64.make(-2, 0x9abcdef0);
	}

	// A haxe.Int64 parameter: C passes an hlffi_value_i64 (or an Int) handle.
	public static function haxeInt64Parts(v:haxe.Int64):String {
		return v.high + ":" + v.low + ":" + haxe.Int64.toStr(v);
	}

	public static function strLen(s:String):Int {
		return s == null ? -1 : s.length;
	}

	public static function codeAt(s:String, i:Int):Int {
		return s.charCodeAt(i);
	}

	public static function withNul():String {
		return "x" + String.fromCharCode(0) + "y\u00e9";
	}

	public static function objSum(o:Dynamic):Int {
		return o.x + o.name.length;
	}

	public static function objFields(o:Dynamic):String {
		var f = Reflect.fields(o);
		f.sort(Reflect.compare);
		return f.join(",");
	}

	public static function typed(o:{x:Int, name:String}):String {
		return o.name + o.x;
	}

	// Sys.args() selects what the entry point does: nothing, loop forever, or exit.
	public static function main() {
		var args = Sys.args();
		if (args.length > 0 && args[0] == "spin")
			spin();
		if (args.length > 0 && args[0] == "exit")
			Sys.exit(7);
	}
}
