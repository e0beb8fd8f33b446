// The module of the bad-input sweep (tests/api/test_sweep.c): one value of each kind the data functions
// take (arrays, a native array, a struct array, the four maps, bytes, an enum, a class with fields of
// several kinds), so that C can pass each where another is expected.
enum Suit {
	Hearts;
	Card(rank:Int, name:String);
}

@:struct class Pair {
	public var a:Single;
	public var b:Single;

	public function new(a:Single, b:Single) {
		this.a = a;
		this.b = b;
	}
}

@:keep
class Thing {
	public var n:Int = 3;
	public var s:String = "str";
	public var raw:hl.Bytes;
	public var f:Int->Int;

	public function new() {
		raw = new hl.Bytes(8);
		f = function(x) return x + 1;
	}

	public function twice(x:Int):Int {
		return x * 2;
	}
}

@:keep
class ApiSweep {
	public static var ints:Array<Int> = [1, 2, 3];
	public static var dyns:Array<Dynamic> = [1, "x"];
	public static var natives:hl.NativeArray<Int> = new hl.NativeArray(3);
	public static var pairs:Array<Pair> = [new Pair(1, 2)];
	public static var strMap:Map<String, Int> = ["a" => 1];
	public static var intMap:Map<Int, Int> = [1 => 1];
	public static var objMap:Map<Thing, Int> = new Map();
	public static var enumMap:Map<Suit, Int> = [Hearts => 1];
	public static var bytes:haxe.io.Bytes = haxe.io.Bytes.alloc(4);
	public static var card:Suit = Card(10, "ten");
	public static var thing:Thing = new Thing();
	public static var calls:Int = 0;

	public static function touch(x:Int):Int {
		calls++;
		return x + 1;
	}

	public static function main() {
		objMap.set(thing, 1);
		enumMap.set(card, 2);
		enumMap.remove(Hearts);
		enumMap.exists(Hearts);
		pairs.push(new Pair(3, 4));
	}
}
