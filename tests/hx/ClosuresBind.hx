// Function values in depth: bind with placeholders and optional arguments, partial application chains, closures over loop variables and over `this`, recursion through a local function variable, method values compared and used as map keys, functions stored in arrays/objects/enums and called dynamically with Reflect.callMethod, default arguments through function types, Void and Dynamic returns (Dynamic calls of typed functions with optional arguments hit genhl's closure-register bug, see README: not covered).
class Counter {
	public var n = 0;

	public function new() {}

	public function add(k:Int = 1):Int {
		n += k;
		return n;
	}

	public function adder():Int->Int {
		return x -> n + x;
	}
}

enum Handler {
	H(f:Int->String);
}

class ClosuresBind {
	static function three(a:Int, b:String, c:Float):String
		return a + b + c;

	static function opt(a:Int, ?b:Int, c = 10):String
		return a + "," + b + "," + c;

	static function main() {
		var f1 = three.bind(1);
		var f2 = three.bind(_, "x", 2.5);
		var f3 = three.bind(_, _, 0.5);
		var f4 = f3.bind(9);
		Sys.println("bind=" + f1("b", 3) + " " + f2(7) + " " + f3(1, "q") + " " + f4("z"));
		var o1 = opt.bind(1);
		var o2 = opt.bind(_, 5);
		Sys.println("bind optional=" + o1() + " " + o2(4));
		var fs = [];
		for (i in 0...3)
			fs.push(() -> i * 10);
		var j = 0;
		var gs = [];
		while (j < 3) {
			gs.push(() -> j);
			j++;
		}
		Sys.println("loop capture for=" + [for (f in fs) f()].join(",") + " while=" + [for (g in gs) g()].join(","));
		var c = new Counter();
		var add = c.add;
		add();
		add(5);
		var ad = c.adder();
		c.n = 100;
		Sys.println("method value n=" + c.n + " adder sees later n=" + ad(1));
		var fib:Int->Int = null;
		fib = n -> n < 2 ? n : fib(n - 1) + fib(n - 2);
		Sys.println("local recursion=" + fib(20));
		var m1 = c.add, m2 = c.add, c2 = new Counter();
		Sys.println("method equality=" + Reflect.compareMethods(m1, m2) + " " + Reflect.compareMethods(m1, c2.add) + " static="
			+ Reflect.compareMethods(three, three));
		var table:Array<Dynamic> = [three, opt, c.add, (x:Int) -> x + 1];
		Sys.println("dynamic calls=" + Reflect.callMethod(null, table[0], [1, "a", 1.5]) + " " + Reflect.callMethod(null, table[1], [1]) + " "
			+ Reflect.callMethod(c, table[2], [10]) + " " + Reflect.callMethod(null, table[3], [41]));
		var obj = {f: (s:String) -> s.toUpperCase(), g: null};
		Sys.println("object field fn=" + obj.f("up") + " null fn=" + (obj.g == null));
		var h = H(i -> "handled " + i);
		switch h {
			case H(f):
				Sys.println("enum fn=" + f(3));
		}
		var compose = (f:Int->Int, g:Int->Int) -> (x:Int) -> f(g(x));
		var inc = (x:Int) -> x + 1, dbl = (x:Int) -> x * 2;
		Sys.println("compose=" + compose(inc, dbl)(5) + " " + compose(dbl, inc)(5));
		var curry = (a:Int) -> (b:Int) -> (c:Int) -> a * 100 + b * 10 + c;
		Sys.println("curry=" + curry(1)(2)(3));
		var acc = [];
		var voidFn:Int->Void = x -> acc.push(x);
		voidFn(1);
		voidFn(2);
		Sys.println("void fn=" + acc);
		var dynRet:Void->Dynamic = () -> 5;
		var asInt:Int = dynRet();
		Sys.println("dynamic return=" + (asInt + 1));
		var counterFactory = () -> {
			var n = 0;
			return () -> ++n;
		};
		var ca = counterFactory(), cb = counterFactory();
		ca();
		ca();
		Sys.println("independent counters=" + ca() + " " + cb());
		var varArgs:Dynamic = Reflect.makeVarArgs(a -> a.length);
		var nargs:Int = varArgs(1, 2, 3);
		Sys.println("varargs=" + nargs);
		Sys.println("Lambda=" + Lambda.fold([1, 2, 3], (x, acc) -> acc + x, 0) + " " + Lambda.map([1, 2], x -> x * 3));
	}
}
