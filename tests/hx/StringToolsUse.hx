// StringTools: trim/ltrim/rtrim, lpad/rpad, replace, startsWith/endsWith, contains, hex, htmlEscape/Unescape, url encode, isSpace.
using StringTools;

class StringToolsUse {
	static function main() {
		var s = "  padded text \t\n";
		Sys.println("trim=[" + s.trim() + "] ltrim=[" + s.ltrim().length + "] rtrim=[" + s.rtrim() + "]");
		Sys.println("lpad=" + "7".lpad("0", 3) + " rpad=" + "ab".rpad("-", 5) + " lpad longer=" + "abcdef".lpad("x", 3));
		Sys.println("replace=" + "a.b.c".replace(".", "::") + " replace empty=" + "abc".replace("", "-"));
		Sys.println("startsWith=" + "haxe".startsWith("ha") + " endsWith=" + "haxe".endsWith("xe") + " " + "haxe".endsWith("ha"));
		Sys.println("contains=" + "haystack".contains("st") + " " + "haystack".contains("zz"));
		Sys.println("hex=" + StringTools.hex(255) + " " + StringTools.hex(255, 4) + " " + StringTools.hex(-1));
		Sys.println("htmlEscape=" + "<a href=\"x\">&'</a>".htmlEscape() + " quotes=" + "\"'".htmlEscape(true));
		Sys.println("htmlUnescape=" + "&lt;b&gt; &amp; &quot;q&quot; &#039;".htmlUnescape());
		Sys.println("urlEncode=" + "a b&c=d/é".urlEncode());
		Sys.println("urlDecode=" + "a%20b%26c+d".urlDecode());
		Sys.println("isSpace=" + " x".isSpace(0) + " " + " x".isSpace(1) + " " + "\t".isSpace(0));
		Sys.println("fastCodeAt=" + "ABC".fastCodeAt(1) + " at length isEof=" + StringTools.isEof("ABC".fastCodeAt(3)));
		Sys.println("unsafeCodeAt=" + "xyz".unsafeCodeAt(2));
		var parts = [];
		for (c in "h€llo".iterator())
			parts.push(c);
		Sys.println("iterator=" + parts);
		var kv = [];
		for (kv2 in "ab".keyValueIterator())
			kv.push(kv2.key + "=" + kv2.value);
		Sys.println("keyValueIterator=" + kv);
		Sys.println("quoteUnixArg=" + haxe.SysTools.quoteUnixArg("it's") + " quoteWinArg=" + haxe.SysTools.quoteWinArg("a b", false));
		Sys.println("chained=" + "  MiXeD  ".trim().toLowerCase().replace("x", "X").lpad("*", 8));
	}
}
