// Deep recursion (100,000 frames) directly, through closures and through Dynamic calls, and runaway
// recursion caught as HashLink's "Stack overflow" runtime error, after which the program goes on.
class DeepRecursion {
	static function depth(n:Int):Int {
		return n == 0 ? 0 : depth(n - 1) + 1;
	}

	static var viaClosure:Int->Int;

	static function forever(n:Int):Int {
		return forever(n + 1) + 1;
	}

	static function main() {
		Sys.println("direct=" + depth(100000));
		viaClosure = function(n:Int):Int return n == 0 ? 0 : viaClosure(n - 1) + 1;
		Sys.println("closure=" + viaClosure(100000));
		var dyn:Dynamic = null;
		dyn = function(n:Dynamic):Dynamic return n == 0 ? 0 : dyn(n - 1) + 1;
		Sys.println("dynamic=" + dyn(100000));
		for (round in 0...2) {
			try {
				forever(0);
				Sys.println("round " + round + ": no overflow?");
			} catch (e:Dynamic) {
				Sys.println("round " + round + ": caught " + Std.string(e));
			}
		}
		Sys.println("after=" + depth(10));
	}
}
