// Statics: static vars and methods, initialisation order across classes, __init__, static mutation, inline statics.
class Registry {
	public static var names:Array<String> = [];
	public static var count:Int = 0;
	public static var first:String = register("first");
	public static var second:String = register("second");

	public static function register(n:String):String {
		names.push(n);
		count++;
		return n.toUpperCase();
	}

	static function __init__() {
		Sys.println("Registry.__init__");
	}
}

class Config {
	public static inline var VERSION = 3;
	public static var factor:Float = VERSION * 1.5;
	public static var derived:Int = Helper.base + 1;
	public static var lazyList:Array<Int> = [for (i in 0...VERSION) i * 10];
}

class Helper {
	public static var base:Int = 41;
	public static var calls:Int = 0;

	public static function call():Int {
		return ++calls;
	}
}

class StaticsInit {
	static var counter:Int = 100;
	static var message:String;
	static var flag:Bool;
	static var ratio:Float;

	static function bump(by:Int):Int {
		counter += by;
		return counter;
	}

	static function main() {
		Sys.println("Registry.names=" + Registry.names + " count=" + Registry.count);
		Sys.println("Registry.first=" + Registry.first + " second=" + Registry.second);
		Registry.register("third");
		Sys.println("after register=" + Registry.names.join("|") + " count=" + Registry.count);
		Sys.println("Config.VERSION=" + Config.VERSION + " factor=" + Config.factor);
		Sys.println("Config.derived=" + Config.derived + " lazyList=" + Config.lazyList);
		Sys.println("Helper.calls initial=" + Helper.calls);
		Helper.call();
		Helper.call();
		Sys.println("Helper.calls=" + Helper.call());
		Sys.println("unset static String=" + message + " Bool=" + flag + " Float=" + ratio);
		Sys.println("bump=" + bump(5) + "," + bump(-20));
		message = "set";
		Sys.println("message=" + message);
		var f = bump;
		Sys.println("static closure=" + f(1));
		Sys.println("counter=" + StaticsInit.counter);
	}
}
