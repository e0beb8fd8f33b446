// UInt: unsigned comparisons, division and modulo, conversions to Float and String, wraparound, shifts.
class UIntArith {
	static function udiv(a:UInt, b:UInt):UInt {
		return Std.int(a / b);
	}

	static function main() {
		var big:UInt = 0xFFFFFFF0;
		var small:UInt = 16;
		Sys.println("big=" + big + " small=" + small);
		Sys.println("big>small=" + (big > small) + " big<small=" + (big < small) + " big>=small=" + (big >= small)
			+ " big<=small=" + (big <= small));
		Sys.println("big/small float=" + (big / small));
		var q:UInt = udiv(big, small);
		Sys.println("Std.int(big/small)=" + q);
		Sys.println("big%small=" + (big % small) + " big%7=" + (big % (7 : UInt)));
		var f:Float = big;
		Sys.println("to Float=" + f + " +0.5=" + (big + 0.5));
		var i:Int = big;
		Sys.println("as Int=" + i);
		var sum:UInt = big + small;
		Sys.println("wrap sum=" + sum);
		var diff:UInt = small - big;
		Sys.println("wrap diff=" + diff);
		Sys.println("shift right=" + (big >> 4) + " ushr=" + (big >>> 28) + " shl=" + (small << 27));
		var m:UInt = 0xB2D05E00; // 3000000000
		Sys.println("3e9=" + m + " *2=" + (m * 2) + " half=" + Std.int(m / 2));
		var arr:Array<UInt> = [m, 1, big, 0];
		arr.sort((a, b) -> a < b ? -1 : (a > b ? 1 : 0));
		Sys.println("sorted unsigned=" + arr);
		var count = 0;
		var u:UInt = 0xFFFFFFFD;
		while (u >= 0xFFFFFFFA) {
			u--;
			count++;
		}
		Sys.println("loop on unsigned count=" + count);
		Sys.println("equality=" + (m == 3000000000) + " max=" + (0xFFFFFFFF : UInt));
		var d:Dynamic = m;
		Sys.println("UInt as Dynamic=" + d);
		var zero:UInt = 0;
		Sys.println("div by zero=" + udiv(big, zero) + " mod zero=" + (big % zero));
	}
}
