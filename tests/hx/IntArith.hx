// Int: 32-bit wrapping arithmetic, division and modulo signs, shifts, bitwise ops, increments, comparisons, Std.int.
class IntArith {
	static function hex(v:Int):String {
		return StringTools.hex(v, 8);
	}

	static function main() {
		var max = 2147483647;
		var min = -2147483648;
		Sys.println("max+1=" + (max + 1) + " min-1=" + (min - 1));
		Sys.println("max*2=" + (max * 2) + " min*-1=" + (min * -1));
		Sys.println("65536*65536=" + (65536 * 65536) + " 123456789*1000=" + (123456789 * 1000));
		Sys.println("-min=" + (-min));
		var a = 17;
		var b = 5;
		Sys.println("17/5=" + (a / b) + " Std.int(17/5)=" + Std.int(a / b) + " 17%5=" + (a % b));
		Sys.println("-17%5=" + (-a % b) + " 17%-5=" + (a % -b) + " Std.int(-17/5)=" + Std.int(-a / b));
		Sys.println("1<<31=" + (1 << 31) + " 1<<4=" + (1 << 4) + " -8>>1=" + (-8 >> 1) + " -8>>>1=" + (-8 >>> 1));
		var s = 33;
		Sys.println("1<<33 (var count)=" + (1 << s) + " 256>>s=" + (256 >> s));
		Sys.println("and=" + (0xF0F0 & 0x0FF0) + " or=" + (0xF000 | 0x000F) + " xor=" + (0xFF ^ 0x0F) + " not=" + (~0x0F));
		Sys.println("hex(-1)=" + hex(-1) + " hex(min)=" + hex(min));
		var i = 0;
		var post = i++;
		var pre = ++i;
		Sys.println("post=" + post + " pre=" + pre + " i=" + i);
		i--;
		--i;
		Sys.println("after decrements=" + i);
		var acc = 1;
		for (k in 0...40)
			acc = acc * 3 + k;
		Sys.println("wrapped accumulator=" + acc);
		var h = 0;
		for (c in "hashing".split(""))
			h = h * 31 + c.charCodeAt(0);
		Sys.println("string hash=" + h);
		var x = 100;
		x += 5;
		x -= 3;
		x *= 2;
		x %= 37;
		x <<= 3;
		x >>= 1;
		x |= 1;
		x &= 0xFF;
		x ^= 0x10;
		Sys.println("compound ops=" + x);
		Sys.println("compare=" + (min < max) + " " + (max > min) + " " + (a <= b) + " " + (a >= 17) + " " + (a != b));
		Sys.println("abs via ternary=" + (b - a < 0 ? -(b - a) : b - a));
		Sys.println("parse and wrap=" + (Std.parseInt("2147483647") + 1));
		var zero = 0;
		Sys.println("int div by zero via float=" + (1 / zero) + " Std.int(7/zero)=" + Std.int(7 / zero) + " 7%zero=" + (7 % zero));
		var neg = -7;
		Sys.println("-7>>1=" + (neg >> 1) + " -7>>>28=" + (neg >>> 28) + " -7%2=" + (neg % 2));
	}
}
