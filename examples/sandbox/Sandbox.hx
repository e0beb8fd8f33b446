// The Haxe side of examples/sandbox: a script that misbehaves in every way the host guards against.
// @:keep on the class: the host calls these functions by name and nothing in Haxe does, so -dce full
// would remove them (docs/embedding.md).
@:keep
class Sandbox {
	public static function main() {
		Sys.println("Sandbox.hx: loaded");
	}

	// Well behaved: a bounded computation.
	public static function sumTo(n:Int):Int {
		var sum = 0;
		for (i in 1...n + 1)
			sum += i;
		return sum;
	}

	// Never returns.
	public static function spin():Int {
		var i = 0;
		while (true)
			i++;
		return i;
	}

	// Never returns, and tries to swallow whatever stops it.
	public static function spinAndCatch():String {
		try {
			while (true) {}
		} catch (e:Dynamic) {
			return 'caught $e, still running';
		}
		return "unreachable";
	}

	// Allocates without end, keeping everything.
	public static function hoard():Int {
		var kept = [];
		while (true)
			kept.push(haxe.io.Bytes.alloc(64 * 1024));
		return kept.length;
	}

	// Reads a file of the host.
	public static function readFile(path:String):String {
		return sys.io.File.getContent(path);
	}
}
