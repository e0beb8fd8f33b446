// Number printing and parsing: Std.string of floats (exponents, -0, NaN, infinities, shortest forms, large integers in floats), Int extremes, Std.parseInt/parseFloat edge inputs, Float<->Int conversions.
class NumberFormat {
	static function main() {
		var fs:Array<Float> = [0.0, -0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1 / 3, 2 / 3, 1e15, 1e16, 1e17, 123456789012345678.0, 1e21, 1e22, 1.5e300,
			5e-324, 2.2250738585072014e-308, 1e-5, 1e-7, 0.000123, 123.456, 100.0, 1e100, 4294967296.0, 2147483648.0, -2147483649.0,
			Math.PI, Math.NaN, Math.POSITIVE_INFINITY, Math.NEGATIVE_INFINITY, 1.7976931348623157e308, 9007199254740993.0, 0.5, 1e-300 * 1e-300];
		for (f in fs)
			Sys.println("f " + f + " | " + Std.string(f) + " | str=" + ('' + f));
		var ints = [0, -1, 2147483647, -2147483648, 0x7FFFFFFF + 1, 1 << 31, -(1 << 31), 123456789 * 10];
		Sys.println("ints " + ints.join(" "));
		var pi = ["0", "-0", "+5", "  42", "\t\n 7", "0x", "0xFF", "0XfF", "-0x10", "0x7FFFFFFF", "0xFFFFFFFF", "0x100000000", "2147483647", "2147483648",
			"-2147483648", "-2147483649", "99999999999", "12abc", "abc", "", " ", "1e3", "1.9", "-", "+", "--1", "0012", "１２", "3 4"];
		for (s in pi)
			Sys.println("parseInt [" + s + "]=" + Std.parseInt(s));
		var pf = ["0", "-0", "1.5", " 2.5", "1e3", "1E-3", ".5", "5.", "-.5", "1e", "1e+", "e5", "inf", "Infinity", "NaN", "nan", "0x10", "1,5", "1.2.3",
			"  -3.25xyz", "", "-", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.1e1", "+1.5", "00.5"];
		for (s in pf)
			Sys.println("parseFloat [" + s + "]=" + Std.parseFloat(s));
		var conv:Array<Float> = [0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 1e10, -1e10, 2147483647.9, -2147483648.9, 4294967295.0];
		for (f in conv)
			Sys.println("conv " + f + " int=" + Std.int(f) + " round=" + Math.round(f) + " floor=" + Math.floor(f) + " ceil=" + Math.ceil(f) + " fround="
				+ Math.fround(f) + " ffloor=" + Math.ffloor(f) + " fceil=" + Math.fceil(f));
		var i:Int = 7;
		var f:Float = i;
		Sys.println("int to float=" + f + " division=" + (i / 2) + " " + (-7 / 2) + " " + (7 / 0) + " " + (-7 / 0) + " " + (0 / 0.0));
		Sys.println("int %=" + (7 % 3) + " " + (-7 % 3) + " " + (7 % -3) + " float %=" + (7.5 % 2) + " " + (-7.5 % 2) + " " + (5.0 % 0));
		Sys.println("string concat=" + 1 + 2 + " " + (1 + 2) + " " + 1.0 + " " + 0.1 * 3);
	}
}
