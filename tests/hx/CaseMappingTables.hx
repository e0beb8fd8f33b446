// HashLink's case mapping over the whole BMP, one UTF-16 unit at a time: counts and checksums of every unit that toUpperCase/toLowerCase changes, round trips, the ranges with special rules (Latin Extended, Greek, Cyrillic, Armenian, Georgian, Cherokee, fullwidth, titlecase digraphs), and surrogate units left alone.
class CaseMappingTables {
	static function main() {
		var buf = new StringBuf();
		for (c in 0...0xD800)
			buf.addChar(c);
		for (c in 0xE000...0x10000)
			buf.addChar(c);
		var all = buf.toString();
		var up = all.toUpperCase(), low = all.toLowerCase();
		Sys.println("lengths=" + all.length + " " + up.length + " " + low.length);
		var nUp = 0, nLow = 0, sumUp = 0, sumLow = 0, upThenLow = 0, lowThenUp = 0;
		for (i in 0...all.length) {
			var c = all.charCodeAt(i), u = up.charCodeAt(i), l = low.charCodeAt(i);
			if (u != c) {
				nUp++;
				sumUp = (sumUp * 31 + c * 7 + u) & 0x3FFFFFFF;
			}
			if (l != c) {
				nLow++;
				sumLow = (sumLow * 31 + c * 7 + l) & 0x3FFFFFFF;
			}
		}
		var lu = up.toLowerCase(), ul = low.toUpperCase();
		for (i in 0...all.length) {
			if (lu.charCodeAt(i) != low.charCodeAt(i))
				upThenLow++;
			if (ul.charCodeAt(i) != up.charCodeAt(i))
				lowThenUp++;
		}
		Sys.println("changed by upper=" + nUp + " checksum=" + sumUp);
		Sys.println("changed by lower=" + nLow + " checksum=" + sumLow);
		Sys.println("lower(upper) differs from lower in " + upThenLow + " units, upper(lower) differs from upper in " + lowThenUp);
		function show(label:String, codes:Array<Int>) {
			var s = [for (c in codes) String.fromCharCode(c)].join("");
			Sys.println(label + ": " + [for (i in 0...s.length) StringTools.hex(s.charCodeAt(i), 4)].join(" ") + " | up "
				+ [for (i in 0...s.length) StringTools.hex(s.toUpperCase().charCodeAt(i), 4)].join(" ") + " | low "
				+ [for (i in 0...s.length) StringTools.hex(s.toLowerCase().charCodeAt(i), 4)].join(" "));
		}
		show("latin", [0x00B5, 0x00DF, 0x00FF, 0x0130, 0x0131, 0x017F, 0x0178, 0x1E9E]);
		show("digraphs", [0x01C4, 0x01C5, 0x01C6, 0x01F1, 0x01F2, 0x01F3]);
		show("greek", [0x0345, 0x03C2, 0x03D0, 0x03F4, 0x1F80, 0x1FBC, 0x2126]);
		show("cyrillic/armenian", [0x0400, 0x045F, 0x04C0, 0x04CF, 0x0531, 0x0561, 0x0587]);
		show("georgian/cherokee", [0x10A0, 0x10D0, 0x13A0, 0xAB70, 0x1C90]);
		show("other", [0x2160, 0x24B6, 0x24D0, 0xFF21, 0xFF41, 0x2C00, 0xA640, 0xA7AE]);
		show("astral pairs", [0x10400, 0x10428, 0x1E900]);
	}
}
