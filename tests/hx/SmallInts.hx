// hl.UI8 and hl.UI16: truncation on store, arithmetic widening to Int, arrays of small ints, comparisons, Dynamic boxing.
class SmallInts {
	static function addBytes(a:hl.UI8, b:hl.UI8):hl.UI8 {
		return a + b;
	}

	static function main() {
		var b:hl.UI8 = 250;
		var c:hl.UI8 = 10;
		var sum:Int = b + c;
		var wrapped:hl.UI8 = b + c;
		Sys.println("UI8 250+10 as Int=" + sum + " stored in UI8=" + wrapped);
		Sys.println("addBytes=" + addBytes(200, 100));
		var w:hl.UI16 = 65535;
		var w2:hl.UI16 = w + 2;
		Sys.println("UI16 65535+2=" + w2 + " as Int=" + (w + 2));
		var neg:hl.UI8 = -1;
		var neg16:hl.UI16 = -2;
		Sys.println("UI8 from -1=" + neg + " UI16 from -2=" + neg16);
		var arr = new Array<hl.UI8>();
		for (i in 0...5)
			arr.push(i * 100);
		Sys.println("UI8 array=" + arr);
		var arr16 = new Array<hl.UI16>();
		for (i in 0...4)
			arr16.push(i * 30000);
		Sys.println("UI16 array=" + arr16);
		Sys.println("compare=" + (b > c) + " " + (c < b) + " " + (b == 250) + " " + (neg == 255));
		var d:Dynamic = b;
		var d16:Dynamic = w;
		Sys.println("Dynamic=" + d + " " + d16);
		var count = 0;
		var x:hl.UI8 = 0;
		do {
			x = x + 37;
			count++;
		} while (x != 0 && count < 1000);
		Sys.println("UI8 cycle length=" + count);
		var shifted:hl.UI8 = b << 1;
		Sys.println("UI8 shl=" + shifted + " shr=" + (b >> 2) + " and=" + (b & 0x0F));
		var m:hl.UI16 = 1000;
		m *= 100;
		Sys.println("UI16 *= 100=" + m);
	}
}
