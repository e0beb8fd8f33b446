// Float: IEEE arithmetic, NaN and infinity in comparisons and branches, rounding, conversions, printing of common values.
class FloatArith {
	static function cmp(a:Float, b:Float):String {
		var r = "";
		if (a < b) r += "<"; else r += "!<";
		if (a <= b) r += " <="; else r += " !<=";
		if (a > b) r += " >"; else r += " !>";
		if (a >= b) r += " >="; else r += " !>=";
		if (a == b) r += " =="; else r += " !=";
		return r;
	}

	static function cmpValues(a:Float, b:Float):String {
		var lt = a < b;
		var le = a <= b;
		var gt = a > b;
		var ge = a >= b;
		var eq = a == b;
		var ne = a != b;
		return [lt, le, gt, ge, eq, ne].join(",");
	}

	static function countWhile(limit:Float):Int {
		var n = 0;
		var x = 0.0;
		while (x < limit && n < 10) {
			x += 1.5;
			n++;
		}
		return n;
	}

	static function main() {
		var nan = Math.NaN;
		var inf = Math.POSITIVE_INFINITY;
		var ninf = Math.NEGATIVE_INFINITY;
		Sys.println("0.1+0.2=" + (0.1 + 0.2) + " 1/3=" + (1 / 3) + " 2/3*3=" + (2 / 3 * 3));
		Sys.println("1e21=" + 1e21 + " 1.5e-7=" + 1.5e-7 + " 123456789.125=" + 123456789.125);
		Sys.println("cmp 1,2=" + cmp(1, 2));
		Sys.println("cmp 2,2=" + cmp(2, 2));
		Sys.println("cmp NaN,1=" + cmp(nan, 1));
		Sys.println("cmp 1,NaN=" + cmp(1, nan));
		Sys.println("cmp NaN,NaN=" + cmp(nan, nan));
		Sys.println("cmp inf,ninf=" + cmp(inf, ninf));
		Sys.println("values 1,2=" + cmpValues(1, 2) + " NaN,0=" + cmpValues(nan, 0));
		Sys.println("while with NaN limit=" + countWhile(nan) + " with 4=" + countWhile(4) + " with inf=" + countWhile(inf));
		Sys.println("isNaN=" + Math.isNaN(nan) + " isFinite(inf)=" + Math.isFinite(inf) + " isFinite(1)=" + Math.isFinite(1));
		Sys.println("inf-inf isNaN=" + Math.isNaN(inf - inf) + " inf*0 isNaN=" + Math.isNaN(inf * 0) + " 1/inf=" + (1 / inf));
		var zero = 0.0;
		Sys.println("1/0=" + (1 / zero) + " -1/0=" + (-1 / zero));
		Sys.println("floor=" + Math.floor(-2.5) + " ceil=" + Math.ceil(-2.5) + " round=" + Math.round(2.5) + "," + Math.round(-2.5));
		Sys.println("ffloor=" + Math.ffloor(3.7) + " fceil=" + Math.fceil(3.2) + " fround=" + Math.fround(3.5));
		Sys.println("Std.int=" + Std.int(2.9) + "," + Std.int(-2.9));
		var f = 10.0;
		f /= 4;
		f *= 3;
		f -= 0.5;
		f += 100;
		Sys.println("compound=" + f);
		Sys.println("modulo=" + (7.5 % 2) + " " + (-7.5 % 2));
		Sys.println("neg=" + (-f) + " abs=" + Math.abs(-f));
		var i = 7;
		Sys.println("int/float mix=" + (i / 2) + " " + (i * 0.5) + " " + (i + 0.25));
		var acc = 0.0;
		for (k in 0...10)
			acc += 0.1;
		Sys.println("sum of ten 0.1=" + acc + " ==1 " + (acc == 1.0));
		Sys.println("parseFloat=" + Std.parseFloat("3.25") + " " + Std.parseFloat("-1e3") + " isNaN(bad)="
			+ Math.isNaN(Std.parseFloat("abc")));
		Sys.println("large=" + 1e15 + " " + 123456789012345.0 + " small=" + 0.000001);
		Sys.println("min/max=" + Math.min(1.5, -2) + " " + Math.max(1.5, -2));
		var arr = [3.5, -1.25, 2.0, 0.0];
		arr.sort((a, b) -> a < b ? -1 : (a > b ? 1 : 0));
		Sys.println("sorted floats=" + arr);
		var cnt = 0;
		var v = 1.0;
		do {
			v *= 0.5;
			cnt++;
		} while (v >= 0.01);
		Sys.println("halvings below 0.01=" + cnt);
	}
}
