// Iterators: custom Iterator/Iterable classes, KeyValueIterator, IntIterator, iterator over anonymous objects, generators via closures.
class Range {
	var from:Int;
	var to:Int;
	var step:Int;

	public function new(from:Int, to:Int, step:Int) {
		this.from = from;
		this.to = to;
		this.step = step;
	}

	public function iterator():Iterator<Int> {
		return new RangeIter(from, to, step);
	}
}

class RangeIter {
	var cur:Int;
	var to:Int;
	var step:Int;

	public function new(f:Int, t:Int, s:Int) {
		cur = f;
		to = t;
		step = s;
	}

	public function hasNext():Bool {
		return step > 0 ? cur < to : cur > to;
	}

	public function next():Int {
		var v = cur;
		cur += step;
		return v;
	}
}

class Pairs {
	var keys:Array<String>;

	public function new(k:Array<String>) {
		keys = k;
	}

	public function keyValueIterator():KeyValueIterator<String, Int> {
		var i = 0;
		return {
			hasNext: () -> i < keys.length,
			next: () -> {
				var k = keys[i];
				i++;
				return {key: k, value: k.length};
			}
		};
	}
}

class Iterators {
	static function fib():Iterator<Int> {
		var a = 0;
		var b = 1;
		return {
			hasNext: () -> true,
			next: () -> {
				var r = a;
				var t = a + b;
				a = b;
				b = t;
				return r;
			}
		};
	}

	static function take<T>(it:Iterator<T>, n:Int):Array<T> {
		var out = [];
		while (out.length < n && it.hasNext())
			out.push(it.next());
		return out;
	}

	static function main() {
		Sys.println("custom iterable=" + [for (v in new Range(0, 10, 3)) v] + " backwards=" + [for (v in new Range(5, 0, -2)) v]);
		Sys.println("key value iterable=" + [for (k => v in new Pairs(["a", "bbb", "cc"])) k + "=" + v]);
		Sys.println("infinite generator first 10=" + take(fib(), 10));
		var ii = new IntIterator(3, 6);
		Sys.println("IntIterator=" + [for (v in ii) v]);
		var it = [10, 20, 30].iterator();
		it.next();
		Sys.println("partially consumed=" + [for (v in it) v]);
		var m = ["b" => 2, "a" => 1];
		var keys = [for (k in m.keys()) k];
		keys.sort(Reflect.compare);
		Sys.println("map keys sorted=" + keys);
		var anon = {iterator: () -> new RangeIter(0, 3, 1)};
		Sys.println("anonymous iterable=" + Lambda.array(anon));
		var sum = 0;
		for (i in 0...0)
			sum += 1000;
		var lo = 5;
		for (i in lo...3)
			sum += 1000;
		Sys.println("empty ranges sum=" + sum);
		var nested = [for (i in 0...3) for (j in 0...i) i * 10 + j];
		Sys.println("nested comprehension=" + nested);
		var dynIt:Dynamic = new Range(1, 4, 1).iterator();
		var collected = [];
		while (dynIt.hasNext())
			collected.push(dynIt.next());
		Sys.println("dynamic iterator=" + collected);
		var arrKv = [for (i => v in ["x", "y"]) '$i:$v'];
		Sys.println("array key value=" + arrKv);
	}
}
