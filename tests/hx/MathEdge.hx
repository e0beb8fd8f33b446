// Math at the edges: rounding of negative halves and huge values, min/max with NaN and signed zeros, pow/sqrt/log/exp special cases, trigonometry quadrants, abs of Int min, isNaN/isFinite, floor/ceil to Int past the 32-bit range.
class MathEdge {
	static function s(f:Float):String {
		if (f == 0 && 1 / f < 0)
			return "-0";
		return Std.string(f);
	}

	static function main() {
		var nan = Math.NaN, inf = Math.POSITIVE_INFINITY, ninf = Math.NEGATIVE_INFINITY;
		for (v in [-2.5, -1.5, -0.5, -0.49999999999999994, 0.49999999999999994, 0.5, 1.5, 2.5, -0.0, 1e9 + 0.5, -1e9 - 0.5])
			Sys.println("round " + s(v) + " -> " + Math.round(v) + " fround=" + s(Math.fround(v)));
		for (v in [3e9, -3e9, 1e20, nan, inf, ninf, 2147483647.5, -2147483648.5])
			Sys.println("big " + s(v) + " floor=" + Math.floor(v) + " ceil=" + Math.ceil(v) + " round=" + Math.round(v) + " int=" + Std.int(v)
				+ " ffloor=" + s(Math.ffloor(v)) + " fceil=" + s(Math.fceil(v)));
		Sys.println("min/max nan=" + s(Math.min(nan, 1)) + " " + s(Math.min(1, nan)) + " " + s(Math.max(nan, 1)) + " " + s(Math.max(1, nan)));
		Sys.println("min/max zeros=" + s(Math.min(0.0, -0.0)) + " " + s(Math.min(-0.0, 0.0)) + " " + s(Math.max(0.0, -0.0)) + " "
			+ s(Math.max(-0.0, 0.0)));
		Sys.println("min/max inf=" + s(Math.min(inf, ninf)) + " " + s(Math.max(inf, ninf)));
		Sys.println("pow=" + s(Math.pow(0, 0)) + " " + s(Math.pow(nan, 0)) + " " + s(Math.pow(1, nan)) + " " + s(Math.pow(-8, 1 / 3)) + " "
			+ s(Math.pow(2, 1024)) + " " + s(Math.pow(-2, 3)) + " " + s(Math.pow(0, -1)) + " " + s(Math.pow(-0.0, -1)) + " " + s(Math.pow(10, -2)));
		Sys.println("sqrt=" + s(Math.sqrt(-0.0)) + " " + s(Math.sqrt(-1)) + " " + s(Math.sqrt(inf)) + " " + s(Math.sqrt(2)));
		Sys.println("log=" + s(Math.log(0)) + " " + s(Math.log(-1)) + " " + s(Math.log(1)) + " " + s(Math.log(inf)) + " exp=" + s(Math.exp(ninf)) + " "
			+ s(Math.exp(710)) + " " + s(Math.exp(-750)));
		Sys.println("atan2=" + s(Math.atan2(0, 0)) + " " + s(Math.atan2(-0.0, -1)) + " " + s(Math.atan2(0.0, -1)) + " " + s(Math.atan2(1, 0)) + " "
			+ s(Math.atan2(-1, 0)) + " " + s(Math.atan2(inf, inf)));
		Sys.println("trig=" + s(Math.sin(0)) + " " + s(Math.sin(-0.0)) + " " + s(Math.cos(Math.PI)) + " " + s(Math.tan(0)) + " " + s(Math.sin(inf)) + " "
			+ s(Math.asin(2)) + " " + s(Math.acos(-1)) + " " + s(Math.atan(ninf)));
		Sys.println("abs=" + Math.abs(-2147483648) + " " + s(Math.abs(-0.0)) + " " + s(Math.abs(ninf)) + " int abs=" + Std.int(Math.abs(-5)));
		Sys.println("isNaN=" + Math.isNaN(nan) + " " + Math.isNaN(inf) + " " + Math.isNaN(0) + " isFinite=" + Math.isFinite(inf) + " "
			+ Math.isFinite(nan) + " " + Math.isFinite(1e308) + " " + Math.isFinite(-0.0));
		Sys.println("nan compare=" + (nan == nan) + " " + (nan != nan) + " " + (nan < 1) + " " + (nan >= 1) + " " + (inf > 1e308) + " " + (-0.0 == 0.0));
		var d:Dynamic = nan;
		Sys.println("dynamic nan=" + (d == d) + " " + Reflect.compare(nan, nan) + " " + Reflect.compare(1.0, nan) + " " + Reflect.compare(nan, 1.0));
		Sys.println("int ops=" + (0x7FFFFFFF + 1) + " " + (-2147483648 - 1) + " " + (65536 * 65536) + " " + (46341 * 46341) + " " + (-2147483648 >> 31)
			+ " " + (-2147483648 >>> 31) + " " + (1 << 32) + " " + (1 << 33) + " " + (-1 >>> 0) + " " + (5 >> -1));
		var m = -2147483648, n = -1;
		Sys.println("int min / -1=" + (m / n) + " Std.int=" + Std.int(m / n));
		Sys.println("random ranges=" + [for (i in 0...1000) Std.random(5)].filter(x -> x < 0 || x >= 5).length + " " + Std.random(0) + " " + Std.random(-3)
			+ " " + [for (i in 0...1000) Math.random()].filter(x -> x < 0 || x >= 1).length);
	}
}
