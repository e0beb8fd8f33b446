// The hl.Bytes natives called directly: find (empty and overlapping patterns, offsets), compare and compare16 signs, sortI32/sortF64 on sub-ranges (byte positions) with comparators that count calls, parseInt/parseFloat at offsets, ucs2Length, utf8ToUtf16/utf16ToUtf8 round trips with sizes, offset/subtract, fromValue of every kind, fill of sub-ranges.
class HlBytesNatives {
	static function ascii(s:String):hl.Bytes {
		var b = haxe.io.Bytes.ofString(s);
		return b;
	}

	static function main() {
		var hay = ascii("abcabcabd\x00");
		var calls = [];
		Sys.println("find=" + hay.find(0, 9, ascii("abd"), 0, 3) + " " + hay.find(0, 9, ascii("abc"), 0, 3) + " " + hay.find(1, 8, ascii("abc"), 0, 3)
			+ " " + hay.find(0, 9, ascii("xyz"), 0, 3) + " " + hay.find(0, 9, ascii("zab"), 1, 2) + " " + hay.find(2, 7, ascii(""), 0, 0) + " "
			+ hay.find(0, 2, ascii("abc"), 0, 3));
		var a = ascii("abcd"), b = ascii("abce"), c = ascii("abcd");
		Sys.println("compare=" + (a.compare(0, b, 0, 4) < 0) + " " + (b.compare(0, a, 0, 4) > 0) + " " + a.compare(0, c, 0, 4) + " " + a.compare(0, b, 0, 3)
			+ " " + (a.compare(1, b, 0, 2) > 0));
		var u1 = @:privateAccess "abc".bytes, u2 = @:privateAccess "abd".bytes, u3 = @:privateAccess "\u{1F600}".bytes;
		Sys.println("compare16=" + (u1.compare16(u2, 3) < 0) + " " + u1.compare16(u1, 3) + " " + (u3.compare16(u1, 1) > 0) + " " + u1.compare16(u2, 2));
		var ints = new hl.Bytes(4 * 12);
		var vals = [5, -1, 3, 3, 9, 0, -7, 2, 8, 1, 4, 6];
		for (i in 0...vals.length)
			ints.setI32(i * 4, vals[i]);
		var ncalls = 0;
		// positions are byte offsets: 8 is the third element
		ints.sortI32(8, 8, (x, y) -> {
			ncalls++;
			return x - y;
		});
		Sys.println("sortI32 range=" + [for (i in 0...12) ints.getI32(i * 4)].join(",") + " calls=" + ncalls);
		ints.sortI32(0, 12, (x, y) -> y - x);
		Sys.println("sortI32 desc=" + [for (i in 0...12) ints.getI32(i * 4)].join(","));
		var fl = new hl.Bytes(8 * 6);
		var fv = [2.5, -1.0, Math.NaN, 0.0, 10.0, -3.5];
		for (i in 0...6)
			fl.setF64(i * 8, fv[i]);
		fl.sortF64(0, 6, (x, y) -> x < y ? -1 : (x > y ? 1 : 0));
		Sys.println("sortF64=" + [for (i in 0...6) fl.getF64(i * 8)].join(","));
		// the number parsers read UTF-16 units: positions are byte offsets, sizes count units
		var nums = @:privateAccess "xx  -42yy 3.5e2z".bytes;
		Sys.println("parseInt at=" + nums.parseInt(4, 5) + " " + nums.parseInt(0, 2) + " parseFloat at=" + nums.parseFloat(18, 6) + " "
			+ nums.parseFloat(0, 1));
		var s = "h\u00E9\u{1F600}";
		var sb = @:privateAccess s.bytes;
		Sys.println("ucs2Length=" + sb.ucs2Length(0) + " from 2=" + sb.ucs2Length(2));
		var outSize = 0;
		var utf8 = sb.utf16ToUtf8(0, outSize);
		Sys.println("utf16ToUtf8 size=" + outSize + " bytes=" + [for (i in 0...outSize) StringTools.hex(utf8[i], 2)].join(""));
		var units = 0;
		var back = utf8.utf8ToUtf16(0, units);
		Sys.println("utf8ToUtf16 units=" + units + " same=" + (@:privateAccess String.fromUCS2(back) == s));
		var part = 0;
		sb.utf16ToUtf8(2, part);
		Sys.println("utf16ToUtf8 len 2 size=" + part);
		var base = new hl.Bytes(16);
		var off = base.offset(5);
		Sys.println("offset/subtract=" + off.subtract(base) + " " + base.subtract(off));
		for (v in ([1, 1.5, "s", null, [1, 2], {a: 1}, true] : Array<Dynamic>)) {
			var len = 0;
			var str = hl.Bytes.fromValue(v, len);
			Sys.println("fromValue " + @:privateAccess String.fromUCS2(str) + " len=" + len);
		}
		var fillb = new hl.Bytes(8);
		fillb.fill(0, 8, 0x11);
		fillb.fill(2, 3, 0xEE);
		fillb.fill(7, 0, 0);
		Sys.println("fill=" + [for (i in 0...8) StringTools.hex(fillb[i], 2)].join(""));
		var blitb = ascii("0123456789");
		blitb.blit(3, blitb, 0, 5);
		Sys.println("self blit=" + @:privateAccess String.fromUTF8(blitb));
	}
}
