// Math and Std: trigonometry, exp/log/pow/sqrt, constants, rounding; Std.string/parseInt/parseFloat/int/isOfType/downcast.
class MathStd {
	static function r(v:Float):Float {
		return Math.round(v * 1e6) / 1e6;
	}

	static function main() {
		Sys.println("PI=" + Math.PI + " sin(PI/6)=" + r(Math.sin(Math.PI / 6)) + " cos(0)=" + Math.cos(0) + " tan(PI/4)="
			+ r(Math.tan(Math.PI / 4)));
		Sys.println("asin(1)=" + r(Math.asin(1)) + " acos(1)=" + Math.acos(1) + " atan(1)=" + r(Math.atan(1)) + " atan2(1,-1)="
			+ r(Math.atan2(1, -1)));
		Sys.println("exp(1)=" + r(Math.exp(1)) + " log(e^2)=" + r(Math.log(Math.exp(2))) + " pow(2,10)=" + Math.pow(2, 10) + " pow(2,-1)="
			+ Math.pow(2, -1));
		Sys.println("sqrt(2)=" + r(Math.sqrt(2)) + " sqrt(-1) isNaN=" + Math.isNaN(Math.sqrt(-1)) + " abs=" + Math.abs(-3.5));
		Sys.println("min=" + Math.min(3, 7) + " max=" + Math.max(-1, -8) + " int min=" + Std.int(Math.min(2, 1)));
		Sys.println("floor=" + Math.floor(7.9) + " ceil=" + Math.ceil(7.1) + " round=" + Math.round(7.5) + " round neg=" + Math.round(-7.5));
		var rnd = Math.random();
		Sys.println("random in range=" + (rnd >= 0 && rnd < 1) + " Std.random in range=" + (Std.random(10) < 10));
		Sys.println("Std.string=" + Std.string(12) + " " + Std.string(-0.5) + " " + Std.string(true) + " " + Std.string(null) + " "
			+ Std.string([1]) + " " + Std.string({a: 1}));
		Sys.println("parseInt=" + Std.parseInt("42") + " " + Std.parseInt("-7") + " " + Std.parseInt("0x1F") + " " + Std.parseInt(" 12")
			+ " " + Std.parseInt("12abc") + " " + Std.parseInt("abc"));
		Sys.println("parseFloat=" + Std.parseFloat("3.5") + " " + Std.parseFloat("1e2") + " " + Std.parseFloat(".25") + " "
			+ Std.parseFloat("-0.5x"));
		Sys.println("Std.int=" + Std.int(9.99) + " " + Std.int(-9.99));
		Sys.println("isOfType=" + Std.isOfType(1, Int) + " " + Std.isOfType(1.5, Float) + " " + Std.isOfType("s", String) + " "
			+ Std.isOfType(null, String));
		var hyp = Math.sqrt(Math.pow(3, 2) + Math.pow(4, 2));
		Sys.println("hypotenuse=" + hyp);
		var deg = 180 / Math.PI * Math.atan2(1, 1);
		Sys.println("degrees=" + r(deg));
		Sys.println("constants isFinite=" + Math.isFinite(Math.POSITIVE_INFINITY) + " " + Math.isFinite(Math.PI) + " NaN==NaN "
			+ (Math.NaN == Math.NaN));
		var sum = 0.0;
		for (i in 1...11)
			sum += 1 / (i * i);
		Sys.println("basel partial=" + r(sum));
	}
}
