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

// A small hierarchy for the instance-member tests.
@:keep
class Animal {
	public var name:String;
	public var age:Int = 0;
	public var weight:Float = 1.5;
	public var tame:Bool = false;

	public function new(n:String) {
		name = n;
	}

	public function speak():String {
		return name + " makes a sound";
	}

	public function legs():Int {
		return 4;
	}

	public function grow(years:Int, kg:Float):Float {
		age += years;
		weight += kg;
		return weight;
	}

	public function isOld():Bool {
		return age > 10;
	}

	public function rename(n:String):Void {
		name = n;
	}

	public function fail():Int {
		throw "animal failed: " + name;
	}

	public static function point():Dynamic {
		return {x: 3, label: "p", f: function(a:Int) return a * 2};
	}
}

@:keep
class Dog extends Animal {
	public var tricks:Int = 2;

	public function new(n:String, t:Int) {
		super(n);
		tricks = t;
	}

	override public function speak():String {
		return name + " barks";
	}
}
