// String literals beyond ASCII: BMP and astral characters (UTF-16 surrogate pairs), embedded NUL in literals, \u escapes,
// code units vs characters, case mapping, comparisons, UnicodeString; printed as code numbers where bytes would be ambiguous.
class UnicodeStrings {
	static function codes(s:String):String {
		return [for (i in 0...s.length) s.charCodeAt(i)].join(" ");
	}

	static function main() {
		var latin = "déjà vu";
		var euro = "€100";
		var astral = "a😀b";
		// HashLink converts a literal only up to its first NUL (the rest of its buffer is not
		// initialised), so the string with a NUL inside is built at run time.
		var withNul = "nul" + String.fromCharCode(0) + "inside";
		var onlyNul = "\u0000";
		var escaped = "\u00e9\u{1F600}\t\x41";
		Sys.println("latin length=" + latin.length + " codes=" + codes(latin));
		Sys.println("euro length=" + euro.length + " first=" + euro.charCodeAt(0));
		Sys.println("astral length=" + astral.length + " codes=" + codes(astral));
		Sys.println("embedded NUL length=" + withNul.length + " codes=" + codes(withNul));
		Sys.println("NUL-only literal length=" + onlyNul.length + " code=" + onlyNul.charCodeAt(0));
		Sys.println("escapes length=" + escaped.length + " codes=" + codes(escaped));
		Sys.println("NUL split parts=" + withNul.split("\x00").length + " indexOf NUL=" + withNul.indexOf("\x00"));
		Sys.println("after NUL substring=" + withNul.substr(4));
		Sys.println("upper latin=" + latin.toUpperCase() + " lower=" + "ÀÉÎ".toLowerCase());
		Sys.println("astral substr=" + codes(astral.substr(1, 2)) + " indexOf b=" + astral.indexOf("b"));
		Sys.println("compare é > z=" + ("é" > "z") + " € < 😀=" + ("€" < "😀"));
		Sys.println("fromCharCode astral=" + codes(String.fromCharCode(0x1F601)) + " length=" + String.fromCharCode(0x1F601).length);
		var bytes = haxe.io.Bytes.ofString(astral);
		Sys.println("UTF-8 bytes=" + bytes.toHex() + " back=" + (bytes.toString() == astral));
		var u = new StringBuf();
		u.addChar(0x1F602);
		u.addChar(0xE9);
		Sys.println("StringBuf addChar astral=" + codes(u.toString()));
		var us:UnicodeString = "h€😀";
		Sys.println("UnicodeString length=" + us.length + " String length=" + "h€😀".length + " charCodeAt(2)=" + us.charCodeAt(2));
		var iter = new haxe.iterators.StringIteratorUnicode("x😀y");
		Sys.println("unicode iterator=" + [for (c in iter) c]);
		Sys.println("printed directly=" + latin + " " + euro + " " + astral);
		var mixed = "Ω≈ç√∫";
		Sys.println("reverse by code units=" + codes([for (i in 0...mixed.length) mixed.charAt(mixed.length - 1 - i)].join("")));
	}
}
