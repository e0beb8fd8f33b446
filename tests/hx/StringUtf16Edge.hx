// Strings as UTF-16: astral characters as surrogate pairs in length/charAt/charCodeAt/substr/indexOf/split, fromCharCode above the BMP, case mapping beyond ASCII, compare by code units, out-of-range indexes, empty patterns.
class StringUtf16Edge {
	static function codes(s:String):String {
		return [for (i in 0...s.length) StringTools.hex(s.charCodeAt(i), 4)].join(" ");
	}

	static function main() {
		var s = "a\u{1F600}b\u{10437}c";
		Sys.println("len=" + s.length + " codes=" + codes(s));
		Sys.println("charAt(1)=" + codes(s.charAt(1)) + " charAt(2)=" + codes(s.charAt(2)) + " charAt(99)=[" + s.charAt(99) + "] charAt(-1)=["
			+ s.charAt(-1) + "]");
		Sys.println("charCodeAt(99)=" + s.charCodeAt(99) + " charCodeAt(-1)=" + s.charCodeAt(-1));
		Sys.println("indexOf(b)=" + s.indexOf("b") + " indexOf(pair)=" + s.indexOf("\u{10437}") + " lastIndexOf(c)=" + s.lastIndexOf("c"));
		Sys.println("substr(1,2)=" + codes(s.substr(1, 2)) + " substr(2,1)=" + codes(s.substr(2, 1)) + " substring(4,1)=" + codes(s.substring(4, 1)));
		Sys.println("split pair=" + [for (p in s.split("\u{1F600}")) p.length].join(","));
		var fc = String.fromCharCode(0x1F601);
		Sys.println("fromCharCode(0x1F601) len=" + fc.length + " codes=" + codes(fc));
		Sys.println("fromCharCode(0xE9)=" + String.fromCharCode(0xE9) + " (0x41)=" + String.fromCharCode(0x41) + " (0)len="
			+ String.fromCharCode(0).length);
		Sys.println("upper=" + "straße éàü ÿ ǆ ω".toUpperCase() + " lower=" + "ÀÉÎ ÕÜ İ Ω ǅ".toLowerCase());
		Sys.println("upper astral unchanged=" + codes("\u{10437}".toUpperCase()) + " lower=" + codes("\u{1040F}".toLowerCase()));
		Sys.println("compare: " + ("a" < "b") + " " + ("Z" < "a") + " " + ("é" > "z") + " " + ("\u{1F600}" > "\uFFFD") + " " + ("ab" < "abc") + " "
			+ ("" < "a"));
		var arr = ["b", "\u{1F600}", "a", "é", "\uFFFF", "A", "ab", ""];
		arr.sort(Reflect.compare);
		Sys.println("sorted=" + [for (x in arr) codes(x)].join("|"));
		Sys.println("utf8 length of pair=" + haxe.io.Bytes.ofString("\u{1F600}").length + " é=" + haxe.io.Bytes.ofString("é").length);
		var back = haxe.io.Bytes.ofString(s).toString();
		Sys.println("round trip=" + (back == s) + " len=" + back.length);
		Sys.println("iterate units=" + [for (c in s.split("")) c.length].join(","));
		var it = new haxe.iterators.StringIteratorUnicode(s);
		Sys.println("unicode iterator=" + [for (c in it) StringTools.hex(c)].join(","));
		Sys.println("StringTools.unicode code points=" + [for (c in StringTools.keyValueIterator(s)) c.key + ":" + c.value].join(","));
		Sys.println("indexOf empty=" + s.indexOf("") + " " + s.indexOf("", 3) + " " + s.indexOf("", 100) + " lastIndexOf empty="
			+ s.lastIndexOf("") + " " + s.lastIndexOf("", 2));
		Sys.println("indexOf from=" + "abcabc".indexOf("b", 2) + " " + "abcabc".indexOf("b", -3) + " lastIndexOf from=" + "abcabc".lastIndexOf("b", 3)
			+ " " + "abcabc".lastIndexOf("b", 0) + " " + "abcabc".lastIndexOf("b", 100));
		Sys.println("substr neg=" + "abcdef".substr(-2) + " " + "abcdef".substr(-10, 2) + " " + "abcdef".substr(2, -1) + "|" + "abcdef".substr(1, 100)
			+ " substring neg=" + "abcdef".substring(-1, 2) + " " + "abcdef".substring(5, 2) + " " + "abcdef".substring(2, 100));
		Sys.println("split=" + "a,,b,".split(",").length + " " + "".split(",").length + " " + "abc".split("").join("|") + " " + "".split("").length);
	}
}
