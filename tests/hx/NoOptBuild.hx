// hx-flags: --no-opt
// Compiled with --no-opt and with the analyzer off in main: constant expressions reach genhl unfolded. Std.int(A / B)
// of two integer literals is the one case where genhl emits OUDiv/OSDiv on integers (literals count as unsigned).
class NoOptBuild {
	static inline var K = 7;

	@:analyzer(ignore)
	static function main() {
		Sys.println("Std.int(10 / 3)=" + Std.int(10 / 3));
		Sys.println("Std.int(100 / 7)=" + Std.int(100 / 7));
		Sys.println("Std.int(2147483647 / 2)=" + Std.int(2147483647 / 2));
		Sys.println("Std.int(7 / 0)=" + Std.int(7 / 0));
		var a = 10;
		Sys.println("Std.int(a / 3)=" + Std.int(a / 3) + " Std.int(-a / 3)=" + Std.int(-a / 3));
		Sys.println("unfolded constants=" + (1 + 2 * 3) + " " + (10 - 4 - 3) + " " + (1 << 4 | 1) + " " + ("a" + "b") + " " + (2.5 * 4));
		Sys.println("inline var=" + K * K + " " + (K > 5 ? "big" : "small"));
		var x = 5;
		x += 1 + 1;
		Sys.println("compound with constant=" + x);
		var neg = -(3 + 4);
		Sys.println("negated constant=" + neg + " " + (-K));
		var f = 1.0 / 3.0;
		Sys.println("float constants=" + f + " " + (0.5 + 0.25) + " " + Std.int(7.9));
		if (true && !false)
			Sys.println("constant condition=taken");
		var s = switch 3 {
			case 1: "one";
			case 3: "three";
			default: "other";
		}
		Sys.println("constant switch=" + s);
	}
}
