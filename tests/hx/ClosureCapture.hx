// Closures: local functions capturing locals (by reference), nested captures, counters, capture of args and loop copies.
class ClosureCapture {
	static function makeCounter(start:Int):{inc:Void->Int, get:Void->Int, reset:Int->Void} {
		var n = start;
		return {
			inc: () -> ++n,
			get: () -> n,
			reset: v -> n = v
		};
	}

	static function makeAccumulators():Array<Float->Float> {
		var total = 0.0;
		var scale = 1.0;
		return [x -> total += x * scale, x -> scale = x, _ -> total];
	}

	static function compose<A, B, C>(f:B->C, g:A->B):A->C {
		return x -> f(g(x));
	}

	static function main() {
		var c = makeCounter(10);
		c.inc();
		c.inc();
		Sys.println("counter get=" + c.get());
		c.reset(100);
		Sys.println("after reset inc=" + c.inc());
		var c2 = makeCounter(0);
		Sys.println("independent counters=" + c.get() + "," + c2.inc());
		var accs = makeAccumulators();
		accs[0](2);
		accs[1](10);
		accs[0](3);
		Sys.println("accumulator=" + accs[2](0));
		var label = "pre";
		var captured = [];
		function addLabelled(s:String) {
			captured.push(label + ":" + s);
		}
		addLabelled("a");
		label = "post";
		addLabelled("b");
		Sys.println("captures see later writes=" + captured.join(","));
		var x = 1;
		var y = 2.5;
		var flag = false;
		var str = "s";
		var mutateAll = function() {
			x *= 10;
			y /= 2;
			flag = !flag;
			str += "!";
		};
		mutateAll();
		mutateAll();
		Sys.println("mutated from closure x=" + x + " y=" + y + " flag=" + flag + " str=" + str);
		function outer(a:Int) {
			var b = a * 2;
			function middle(c:Int) {
				function inner(d:Int) {
					return a + b + c + d;
				}
				return inner(c + 1);
			}
			return middle(100);
		}
		Sys.println("nested captures=" + outer(1));
		function fib(n:Int):Int {
			return n < 2 ? n : fib(n - 1) + fib(n - 2);
		}
		Sys.println("recursive local function fib(15)=" + fib(15));
		var double = (v:Int) -> v * 2;
		var inc = (v:Int) -> v + 1;
		Sys.println("compose=" + compose(double, inc)(5) + " " + compose(inc, double)(5));
		var adders = [for (i in 0...4) (v:Int) -> v + i];
		Sys.println("loop captures=" + [for (f in adders) f(10)]);
		var fs = [];
		var k = 0;
		while (k < 3) {
			var copy = k * k;
			fs.push(() -> copy);
			k++;
		}
		Sys.println("while copies=" + [for (f in fs) f()]);
		var i64:haxe.Int64 = haxe.Int64.make(1, 2);
		var capI64 = () -> haxe.Int64.toStr(i64);
		Sys.println("captured Int64=" + capI64());
		var sum = 0;
		[1, 2, 3, 4].map(v -> sum += v);
		Sys.println("side-effect sum=" + sum);
		var memo = new Map<Int, Int>();
		var calls = 0;
		function slowSquare(n:Int):Int {
			if (memo.exists(n))
				return memo.get(n);
			calls++;
			var r = n * n;
			memo.set(n, r);
			return r;
		}
		for (v in [3, 4, 3, 3, 4, 5])
			slowSquare(v);
		Sys.println("memo calls=" + calls);
	}
}
