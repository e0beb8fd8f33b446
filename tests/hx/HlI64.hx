// hl.I64: native 64-bit arithmetic (+ - * %), wraparound, comparisons, conversions to and from Int/Float, Dynamic boxing.
// Note: genhl types `<<`, `>>`, `&`, `|` on hl.I64 through Int (32-bit) and `/` as Float; both are printed as such.
class HlI64 {
	static function twice(v:hl.I64):hl.I64 {
		return v * 2;
	}

	static function main() {
		var a:hl.I64 = 3000000;
		var b:hl.I64 = a * a;
		Sys.println("3e6^2=" + b);
		var m:hl.I64 = 65536;
		var big:hl.I64 = m * m * m * 32767;
		Sys.println("65536^3*32767=" + big);
		var huge:hl.I64 = big * 65536;
		Sys.println("overflowing product=" + huge);
		var neg:hl.I64 = -1;
		Sys.println("neg=" + neg + " neg*neg=" + (neg * neg) + " b-neg=" + (b - neg));
		var r:hl.I64 = b % 7;
		Sys.println("mod 7=" + r);
		var fdiv:Float = b / 7;
		Sys.println("division is Float=" + fdiv);
		Sys.println("compare=" + (b > a) + " " + (neg < a) + " " + (a == 3000000) + " " + (b != a));
		var asInt:Int = b;
		Sys.println("truncated to Int=" + asInt);
		var f:Float = b;
		Sys.println("to Float=" + f);
		var fromInt:hl.I64 = Std.int(1234.9);
		Sys.println("from Int=" + fromInt);
		Sys.println("twice=" + twice(big) + " " + twice(21));
		var d:Dynamic = b;
		Sys.println("as Dynamic=" + d);
		var arr:Array<hl.I64> = [1, b, neg];
		var total:hl.I64 = 0;
		for (v in arr)
			total += v;
		Sys.println("array sum=" + total + " array=" + arr);
		var pow:hl.I64 = 1;
		var count = 0;
		while (pow > 0) {
			pow = pow * 2;
			count++;
		}
		Sys.println("doublings until negative=" + count + " value=" + pow);
		var shifted:hl.I64 = b << 3;
		Sys.println("shift via Int=" + shifted);
		var inc:hl.I64 = 5;
		inc++;
		inc -= 10;
		Sys.println("inc/sub=" + inc + " neg=" + (-inc));
	}
}
