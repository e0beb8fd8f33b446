// haxe.Int64 at the edges: min/max values, overflow wrap in add/sub/mul/neg, division and modulo by negative values and of the minimum, division by zero, shifts by 0/31/32/63/64 and negative counts, unsigned compare, parseString of extremes and bad input, fromFloat limits, toInt overflow, Int64 as Dynamic and in maps.
import haxe.Int64;

class Int64Edge {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + r);
	}

	static function s(v:Int64)
		return Int64.toStr(v);

	static function main() {
		var max = Int64.make(0x7FFFFFFF, 0xFFFFFFFF);
		var min = Int64.make(0x80000000, 0);
		var one = Int64.ofInt(1), mone = Int64.ofInt(-1), zero = Int64.ofInt(0);
		attempt("max/min", () -> s(max) + " " + s(min));
		attempt("wrap", () -> s(max + one) + " " + s(min - one) + " " + s(-min) + " " + s(max * 2) + " " + s(min * mone));
		attempt("mul", () -> s(Int64.ofInt(123456789) * Int64.ofInt(987654321)) + " " + s(Int64.ofInt(-65536) * Int64.ofInt(65536) * Int64.ofInt(65536)));
		attempt("div", () -> s(Int64.ofInt(7) / Int64.ofInt(-2)) + " " + s(Int64.ofInt(-7) / Int64.ofInt(2)) + " " + s(max / Int64.ofInt(1000000007)));
		attempt("mod", () -> s(Int64.ofInt(7) % Int64.ofInt(-2)) + " " + s(Int64.ofInt(-7) % Int64.ofInt(2)) + " " + s(min % Int64.ofInt(10)));
		attempt("min / -1", () -> s(min / mone));
		attempt("min % -1", () -> s(min % mone));
		attempt("divMod", () -> {
			var r = Int64.divMod(Int64.parseString("-1000000000000"), Int64.ofInt(7));
			return s(r.quotient) + " r " + s(r.modulus);
		});
		attempt("div by zero", () -> s(one / zero));
		attempt("mod by zero", () -> s(one % zero));
		for (n in [0, 1, 31, 32, 33, 63, 64, 65, -1])
			attempt("shift " + n, () -> s(one << n) + " " + s(min >> n) + " " + s(min >>> n) + " " + s(mone >>> n));
		attempt("compare", () -> Int64.compare(min, max) + " " + Int64.compare(max, min) + " " + Int64.compare(one, one) + " ucompare="
			+ Int64.ucompare(mone, one) + " " + Int64.ucompare(one, mone) + " " + Int64.ucompare(zero, zero));
		attempt("ops", () -> (min < max) + " " + (mone > zero) + " " + (one == Int64.ofInt(1)) + " " + (max != min));
		for (str in ["0", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "12a", "", "-",
			" 5", "+7", "00042"])
			attempt("parse [" + str + "]", () -> s(Int64.parseString(str)));
		for (f in [0.0, -1.5, 1e18, -1e18, 9.2e18, 9.3e18, -9.3e18, Math.NaN, Math.POSITIVE_INFINITY, 4294967296.5])
			attempt("fromFloat " + f, () -> s(Int64.fromFloat(f)));
		attempt("toInt in range", () -> Int64.toInt(Int64.ofInt(-5)));
		attempt("toInt overflow", () -> Int64.toInt(max));
		attempt("is/isInt64", () -> Int64.isInt64(one) + " " + Int64.isInt64(1) + " " + Int64.isNeg(min) + " " + Int64.isZero(zero));
		attempt("high/low", () -> min.high + " " + min.low + " " + mone.high + " " + mone.low);
		var d:Dynamic = max;
		attempt("dynamic", () -> s(d) + " " + Std.isOfType(d, Int));
		var m = new Map<String, Int64>();
		m.set("k", min);
		attempt("in map", () -> s(m.get("k")) + " " + (m.get("k") == min));
		attempt("string concat", () -> "v=" + max);
		attempt("neg of zero", () -> s(-zero) + " " + s(~zero) + " " + s(zero - one));
		attempt("bit ops", () -> s(max & mone) + " " + s(min | one) + " " + s(max ^ min));
		attempt("increments", () -> {
			var x = max;
			x++;
			var y = min;
			y--;
			return s(x) + " " + s(y);
		});
	}
}
