// The Haxe side of the embedding-API benchmark (bench/api_bench.c): the smallest functions there are,
// so that the figures measure the cost of crossing from C into Haxe.
@:keep
class ApiBench {
	public static function one():Int {
		return 1;
	}

	public static function add(a:Int, b:Int):Int {
		return a + b;
	}

	public static function main() {}
}

@:keep
class Counter {
	public var base:Int = 0;

	public function new() {}

	public function add(a:Int, b:Int):Int {
		return a + b + base;
	}
}
