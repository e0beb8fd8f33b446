// Control flow: if/else chains, switch on ints (dense and sparse) and strings, while/do-while/for, break/continue,
// labelled-loop patterns (flags, closures, exceptions), early return, ternaries, short-circuit evaluation.
class Stop {
	public function new() {}
}

class ControlFlow {
	static var evaluated:Array<String> = [];

	static function t(label:String, v:Bool):Bool {
		evaluated.push(label);
		return v;
	}

	static function dense(v:Int):String {
		return switch v {
			case 0: "zero";
			case 1: "one";
			case 2: "two";
			case 3: "three";
			case 4: "four";
			case 5: "five";
			case 6: "six";
			default: "many";
		}
	}

	static function sparse(v:Int):String {
		return switch v {
			case -100: "minus hundred";
			case 7: "seven";
			case 1000: "thousand";
			case 65536: "big";
			default: "?";
		}
	}

	static function grade(score:Int):String {
		if (score >= 90)
			return "A";
		else if (score >= 80)
			return "B";
		else if (score >= 70)
			return "C";
		return "F";
	}

	static function findPair(target:Int):String {
		// labelled break emulated with a flag
		var found = "";
		var done = false;
		for (i in 0...10) {
			for (j in i...10) {
				if (i * j == target) {
					found = i + "*" + j;
					done = true;
					break;
				}
			}
			if (done)
				break;
		}
		return found;
	}

	static function findPairThrow(target:Int):String {
		// labelled break emulated with an exception
		var result = [""];
		try {
			for (i in 0...10)
				for (j in 0...10)
					if (i + j == target && i > j) {
						result[0] = i + "+" + j;
						throw new Stop();
					}
		} catch (s:Stop) {}
		return result[0];
	}

	static function main() {
		Sys.println("dense=" + [for (i in -1...8) dense(i)].join(","));
		Sys.println("sparse=" + [for (v in [7, 1000, -100, 65536, 3]) sparse(v)].join(","));
		Sys.println("grades=" + [for (s in [95, 85, 75, 10]) grade(s)].join(""));
		var w = 0;
		var wsum = 0;
		while (w < 10) {
			w++;
			if (w % 2 == 0)
				continue;
			if (w > 7)
				break;
			wsum += w;
		}
		Sys.println("while with continue/break sum=" + wsum + " w=" + w);
		var d = 100;
		var iterations = 0;
		do {
			d = Std.int(d / 3);
			iterations++;
		} while (d > 0);
		Sys.println("do-while iterations=" + iterations);
		var once = 0;
		do
			once++
		while (false);
		Sys.println("do-while runs once=" + once);
		var down = [];
		var k = 5;
		while (k-- > 0)
			down.push(k);
		Sys.println("post-decrement loop=" + down);
		var stepped = [for (i in 0...20) if (i % 5 == 0) i];
		Sys.println("stepped=" + stepped);
		Sys.println("findPair=" + findPair(24) + " findPairThrow=" + findPairThrow(9));
		evaluated = [];
		var r1 = t("a", false) && t("b", true);
		var r2 = t("c", true) || t("d", true);
		var r3 = t("e", true) && (t("f", false) || t("g", true));
		Sys.println("short-circuit=" + r1 + "," + r2 + "," + r3 + " evaluated=" + evaluated.join(""));
		var n = 7;
		var kind = n < 0 ? "neg" : n == 0 ? "zero" : n % 2 == 0 ? "even" : "odd";
		Sys.println("nested ternary=" + kind);
		var blockValue = {
			var tmp = 3;
			tmp * tmp;
		};
		Sys.println("block expression=" + blockValue);
		var sw = "green";
		var code = switch sw {
			case "red": 1;
			case "green" if (n > 5): 20;
			case "green": 2;
			default: 0;
		}
		Sys.println("string switch with guard=" + code);
		var collatz = 27;
		var steps = 0;
		while (collatz != 1) {
			collatz = collatz % 2 == 0 ? Std.int(collatz / 2) : 3 * collatz + 1;
			steps++;
		}
		Sys.println("collatz(27) steps=" + steps);
		var count = 0;
		for (i in 0...3) {
			var j = 0;
			while (true) {
				if (++j > i)
					break;
				count++;
			}
		}
		Sys.println("while(true) with break count=" + count);
		var nothing:Null<Int> = null;
		Sys.println("null coalescing=" + (nothing != null ? nothing : -1));
	}
}
