// Single (hl.F32): single-precision storage and arithmetic, rounding on store, conversions, arrays of Single.
class SingleFloat {
	static function half(v:Single):Single {
		return v / 2;
	}

	static function main() {
		var s:Single = 0.1;
		var d:Float = s;
		Sys.println("Single 0.1 as Float=" + d);
		var a:Single = 1.5;
		var b:Single = 2.25;
		Sys.println("add=" + (a + b) + " mul=" + (a * b) + " div=" + (a / b) + " sub=" + (a - b));
		var big:Single = 16777216;
		var bigPlus:Single = big + 1;
		Sys.println("2^24+1 in Single=" + bigPlus);
		Sys.println("half=" + half(5));
		var arr:Array<Single> = [1.25, 3.5, -0.75];
		var sum:Single = 0;
		for (v in arr)
			sum += v;
		Sys.println("array sum=" + sum + " array=" + arr);
		var i:Int = Std.int(b);
		Sys.println("to Int=" + i);
		var fromInt:Single = 7;
		Sys.println("from Int=" + fromInt);
		Sys.println("compare=" + (a < b) + " " + (a > b) + " " + (a == 1.5));
		var dyn:Dynamic = a;
		Sys.println("Single as Dynamic=" + dyn);
		var neg:Single = -a;
		Sys.println("negate=" + neg);
		var acc:Single = 0;
		for (k in 0...10)
			acc += 0.1;
		var accD:Float = acc;
		Sys.println("ten 0.1 in Single==1 " + (acc == 1) + " as Float>0.99 " + (accD > 0.99));
		var mixed = a * 2.0;
		Sys.println("Single*Float=" + mixed);
	}
}
