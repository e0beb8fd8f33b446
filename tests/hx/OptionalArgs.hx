// Function arguments: optional (?x) and default values, Null<T> parameters, skipping optional args, haxe.Rest varargs, defaults in constructors.
import haxe.Rest;

class Conf {
	public var host:String;
	public var port:Int;
	public var secure:Bool;

	public function new(host = "localhost", port = 80, secure = false) {
		this.host = host;
		this.port = port;
		this.secure = secure;
	}

	public function toString():String {
		return host + ":" + port + (secure ? " (tls)" : "");
	}
}

class OptionalArgs {
	static function greet(name:String, ?greeting:String, punct = "!"):String {
		if (greeting == null)
			greeting = "Hello";
		return greeting + ", " + name + punct;
	}

	static function sum(first:Int, rest:Rest<Int>):Int {
		var t = first;
		for (r in rest)
			t += r;
		return t;
	}

	static function countArgs(items:Rest<String>):String {
		return items.length + ":" + items.toArray().join("/");
	}

	static function opt(?a:Int, ?b:Float, ?c:Bool):String {
		return a + "," + b + "," + c;
	}

	static function defaults(a = 1, b = 2.5, c = "s", d = true):String {
		return a + "|" + b + "|" + c + "|" + d;
	}

	static function skip(?x:Int, s:String):String {
		return "x=" + x + " s=" + s;
	}

	static function main() {
		Sys.println("greet=" + greet("Bob") + " " + greet("Ann", "Hi") + " " + greet("Cy", "Yo", "?") + " " + greet("Di", null, "."));
		Sys.println("rest=" + sum(1) + " " + sum(1, 2, 3) + " " + sum(10, ...[20, 30]));
		Sys.println("rest strings=" + countArgs() + " " + countArgs("a", "b"));
		Sys.println("optional basics=" + opt() + " / " + opt(1) + " / " + opt(1, 2.5, true));
		Sys.println("defaults=" + defaults() + " / " + defaults(9) + " / " + defaults(9, 0.5, "t", false));
		Sys.println("skipped leading optional=" + skip("only string") + " / " + skip(3, "both"));
		Sys.println("constructor defaults=" + new Conf() + " / " + new Conf("example.org") + " / " + new Conf("h", 443, true));
		var f:?Int->String = function(?v:Int) return "v=" + v;
		Sys.println("optional in function type=" + f() + " " + f(5));
		var local = function(a:Int, b = 10) return a + b;
		Sys.println("local default=" + local(1) + " " + local(1, 2));
		var nullable:Null<Int> = null;
		Sys.println("explicit null to default=" + defaults(nullable));
	}
}
