// StringTools and String helpers at the edges: urlEncode/urlDecode of reserved, non-ASCII, astral and malformed input, htmlEscape/htmlUnescape with quotes, trim of every blank kind, lpad/rpad with long and empty pads, replace with empty and overlapping patterns, hex of negatives and widths, startsWith/endsWith/contains with empty strings, fastCodeAt/unsafeCodeAt past the end, isSpace, quoteUnixArg/quoteWinArg, iterators.
using StringTools;

class StringToolsEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + r);
	}

	static function main() {
		attempt("urlEncode", () -> "a b&c=d/e?f#g+h~i*j'k(l)m!n@o$p,q;r:s".urlEncode());
		attempt("urlEncode unicode", () -> "é😀\u00FF".urlEncode());
		attempt("urlDecode", () -> "a%20b+c%2Bd%C3%A9%F0%9F%98%80".urlDecode());
		for (bad in ["%", "%2", "%zz", "100%", "%C3", "%C3%28", "%FF%FE", "%E2%82"])
			attempt("urlDecode [" + bad + "]", () -> {
				var d = bad.urlDecode();
				return d + " len=" + d.length;
			});
		attempt("htmlEscape", () -> "<a href=\"x\">'&amp;'</a>".htmlEscape() + " | " + "<a href=\"x\">'&amp;'</a>".htmlEscape(true));
		attempt("htmlUnescape", () -> "&lt;b&gt; &amp;amp; &quot;q&quot; &#039;s&#039; &#x27; &nbsp; &unknown;".htmlUnescape());
		attempt("trim", () -> "[" + " \t\r\n\x0B\x0Cx y \n".trim() + "] [" + "\u00A0x\u00A0".trim().length + "] [" + "  ".ltrim() + "] [" + "ab  ".rtrim() + "]");
		attempt("isSpace", () -> [for (c in [" ", "\t", "\n", "\r", "\x0B", "\x0C", "a", "\u00A0", ""]) c.isSpace(0)].join(","));
		attempt("lpad/rpad", () -> "5".lpad("0", 3) + " " + "5".lpad("ab", 4) + " " + "long".lpad("0", 2) + " " + "5".rpad("-=", 4) + " " + "x".lpad("", 5));
		attempt("replace", () -> "aaaa".replace("aa", "b") + " " + "abc".replace("", "-") + " " + "abc".replace("x", "y") + " " + "a.b.c".replace(".", "")
			+ " " + "ééé".replace("é", "e") + " " + "😀x😀".replace("😀", "[]"));
		attempt("hex", () -> StringTools.hex(255) + " " + StringTools.hex(-1) + " " + StringTools.hex(0) + " " + StringTools.hex(10, 4) + " "
			+ StringTools.hex(0x12345, 2) + " " + StringTools.hex(-2147483648, 10));
		attempt("startsWith", () -> "abc".startsWith("") + " " + "".startsWith("") + " " + "".startsWith("a") + " " + "abc".startsWith("abcd") + " "
			+ "é😀".startsWith("é"));
		attempt("endsWith", () -> "abc".endsWith("") + " " + "abc".endsWith("bc") + " " + "bc".endsWith("abc") + " " + "x😀".endsWith("😀"));
		attempt("contains", () -> "abc".contains("") + " " + "".contains("") + " " + "abc".contains("bd") + " " + "aé😀".contains("😀"));
		attempt("fastCodeAt", () -> "ab".fastCodeAt(0) + " " + "ab".fastCodeAt(1) + " eof=" + StringTools.isEof("ab".fastCodeAt(2)));
		attempt("quoteUnixArg", () -> ["", "a", "a b", "it's", "$x", "\"q\""].map(s -> haxe.SysTools.quoteUnixArg(s)).join(" "));
		attempt("quoteWinArg", () -> ["", "a", "a b", "a\"b", "a\\\\\"", "a&b"].map(s -> haxe.SysTools.quoteWinArg(s, true)).join(" "));
		attempt("iterator", () -> [for (c in "aé😀".iterator()) c].join(","));
		attempt("keyValueIterator", () -> [for (k => c in "a😀") k + ":" + c].join(","));
		attempt("unicode iterator", () -> [for (c in new haxe.iterators.StringIteratorUnicode("a😀b")) c].join(","));
		attempt("utf16 lengths", () -> "😀".length + " " + haxe.io.Bytes.ofString("😀").length + " " + haxe.io.Bytes.ofString("😀", RawNative).length);
		attempt("String.fromCharCode invalid", () -> {
			var a = String.fromCharCode(0x110000);
			var b = String.fromCharCode(-1);
			return (a == null ? "null" : "len " + a.length) + " " + (b == null ? "null" : "len " + b.length);
		});
		attempt("toUpperCase/LowerCase ascii", () -> "Hello World 123".toUpperCase() + " " + "Hello World 123".toLowerCase());
		attempt("charCodeAt astral halves", () -> "😀".charCodeAt(0) + " " + "😀".charCodeAt(1));
		attempt("split multi", () -> "a--b----c".split("--").join("|") + " " + "abc".split("abc").length + " " + "aXbXc".split("X").length);
	}
}
