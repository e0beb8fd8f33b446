// A small module for the API tests: a class with statics, instance methods and a main.
@:keep
class ApiBasics {
	public static var counter:Int = 0;
	public static var greeting:String = "hello";
	public static var ratio:Float = 0.5;
	public static var kept:Array<Int> = [];

	public static function add(a:Int, b:Int):Int {
		return a + b;
	}

	public static function scale(a:Int, f:Float):Float {
		return a * f;
	}

	public static function strLen(s:String):Int {
		return s == null ? -1 : s.length;
	}

	public static function fail(msg:String):Int {
		throw "failed: " + msg;
	}

	public static function touch():Void {
		counter++;
	}

	// Allocates a lot (forces collections) and returns how many objects it made.
	public static function churn(n:Int):Int {
		var total = 0;
		for (i in 0...n) {
			var a = [for (j in 0...16) Std.string(j + i)];
			total += a.length;
		}
		return total;
	}

	public static function main() {
		counter = add(2, 3);
		Sys.println('counter=$counter');
	}
}
