// haxe.Int64: construction, arithmetic with overflow, comparison, division/modulo, shifts, parsing and printing, Int64Helper.
import haxe.Int64;

class Int64Haxe {
	static function s(v:Int64):String {
		return Int64.toStr(v);
	}

	static function main() {
		var a = Int64.make(0x1, 0x0);
		var b = Int64.ofInt(-5);
		Sys.println("make(1,0)=" + s(a) + " ofInt(-5)=" + s(b));
		Sys.println("high/low of -5=" + b.high + "," + b.low);
		Sys.println("a+b=" + s(a + b) + " a-b=" + s(a - b) + " a*b=" + s(a * b));
		var big = Int64.make(0x7FFFFFFF, 0xFFFFFFFF);
		Sys.println("max=" + s(big) + " max+1=" + s(big + 1));
		Sys.println("div=" + s(big / Int64.ofInt(1000)) + " mod=" + s(big % Int64.ofInt(1000)));
		var dm = Int64.divMod(Int64.ofInt(-17), Int64.ofInt(5));
		Sys.println("divMod(-17,5)=" + s(dm.quotient) + "," + s(dm.modulus));
		Sys.println("shl 40=" + s(Int64.ofInt(1) << 40) + " shr=" + s(Int64.ofInt(-256) >> 4) + " ushr=" + s(Int64.ofInt(-256) >>> 60));
		Sys.println("and/or/xor=" + s(Int64.make(0xF0, 0xF0) & Int64.make(0xFF, 0x0F)) + " " + s(Int64.ofInt(1) | Int64.make(1, 0)) + " "
			+ s(Int64.ofInt(-1) ^ Int64.ofInt(1)));
		Sys.println("compare=" + Int64.compare(a, b) + " ucompare=" + Int64.ucompare(a, b) + " a>b=" + (a > b) + " eq=" + (a == Int64.make(1, 0)));
		Sys.println("isNeg=" + Int64.isNeg(b) + " isZero=" + Int64.isZero(Int64.ofInt(0)) + " neg=" + s(-b));
		Sys.println("toInt of small=" + Int64.toInt(Int64.ofInt(123)));
		var overflow = try {
			Int64.toInt(a);
			"no error";
		} catch (e:Dynamic) "overflow error";
		Sys.println("toInt of large=" + overflow);
		Sys.println("parseString=" + s(Int64.parseString("-9223372036854775808")) + " " + s(Int64.parseString("123456789012345")));
		Sys.println("fromFloat=" + s(Int64.fromFloat(1e15)) + " " + s(Int64.fromFloat(-2.5e9)));
		var x = Int64.ofInt(1);
		for (i in 0...62)
			x = x * 2;
		Sys.println("2^62=" + s(x) + " *2=" + s(x * 2) + " *4=" + s(x * 4));
		var counter = Int64.ofInt(0);
		counter++;
		counter += 10;
		Sys.println("increment=" + s(counter));
		var fact = Int64.ofInt(1);
		for (i in 1...21)
			fact *= i;
		Sys.println("20!=" + s(fact));
		Sys.println("string concat=" + Std.string(fact));
	}
}
