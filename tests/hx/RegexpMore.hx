// EReg beyond the basics: HashLink's always-on PCRE2 options (ALT_BSUX, empty classes, unset backreferences, UCP), ungreedy and unknown options through the native, matchSub context, UTF-16 positions, compile errors, many regexps for the collector, long inputs.
class RegexpMore {
	@:hlNative("std", "regexp_new_options") static function newOptions(pattern:hl.Bytes, options:hl.Bytes):hl.Abstract<"ereg"> {
		return null;
	}

	@:hlNative("std", "regexp_match") static function rmatch(r:hl.Abstract<"ereg">, s:hl.Bytes, pos:Int, len:Int):Bool {
		return false;
	}

	@:hlNative("std", "regexp_matched_pos") static function rpos(r:hl.Abstract<"ereg">, n:Int, len:hl.Ref<Int>):Int {
		return 0;
	}

	static function m(pat:String, flags:String, input:String):String {
		try {
			var r = new EReg(pat, flags);
			if (!r.match(input))
				return "no match";
			var groups = [];
			var i = 1;
			while (true) {
				var g = try r.matched(i) catch (e:Dynamic) break;
				groups.push(g == null ? "null" : "'" + g + "'");
				i++;
			}
			var p = r.matchedPos();
			return "[" + r.matched(0) + "]@" + p.pos + "+" + p.len + (groups.length > 0 ? " groups=" + groups.join(",") : "");
		} catch (e:Dynamic) {
			return "throws: " + e;
		}
	}

	@:access(String)
	static function native(pat:String, opts:String, input:String):String {
		var r = newOptions(pat.bytes, opts.bytes);
		if (r == null)
			return "null regexp";
		if (!rmatch(r, input.bytes, 0, input.length))
			return "no match";
		var len = 0;
		var pos = rpos(r, 0, len);
		return StringTools.replace(input.substr(pos, len), "\n", "\\n") + "@" + pos;
	}

	static function main() {
		// options through the native: g is ungreedy there, unknown letters give null
		Sys.println("native greedy=" + native("a.*b", "", "axbxb") + " ungreedy g=" + native("a.*b", "g", "axbxb"));
		Sys.println("native ungreedy lazy becomes greedy=" + native("a.*?b", "g", "axbxb"));
		Sys.println("native unknown option x=" + native("a", "x", "a") + " option after valid=" + native("a", "ix", "a"));
		Sys.println("native u accepted=" + native("é", "u", "café") + " empty options=" + native("f", "", "café"));
		Sys.println("native all options=" + native("^B.C$", "imsug", "a\nb\nc"));

		// always-on options
		Sys.println("ALT_BSUX \\u00e9=" + m("caf\\u00e9", "", "un café") + " \\x41=" + m("\\x41", "", "zAz"));
		Sys.println("ALT_BSUX \\U literal=" + m("\\U", "", "xUx"));
		Sys.println("empty class []=" + m("a[]", "", "a[]") + " [^]=" + m("a[^]b", "", "a\nb"));
		Sys.println("unset backreference=" + m("(a)?\\1b", "", "xb") + " set=" + m("(a)?\\1b", "", "aab"));
		Sys.println("UCP \\w on é=" + m("\\w+", "", "-été-") + " \\d on Arabic-Indic=" + m("\\d+", "", "x\u0661\u0662y"));
		Sys.println("UCP \\b before é=" + m("\\bé", "", "aé é"));
		Sys.println("caseless Greek=" + m("ΣΑΣ", "i", "σας") + " caseless Cyrillic=" + m("привет", "i", "ПРИВЕТ"));

		// UTF-16 positions and lengths
		Sys.println("astral positions=" + m("(b)(😀+)(c)", "", "a😀b😀😀c"));
		Sys.println("dot over astral=" + m("^.{3}$", "", "😀😀😀") + " class with astral=" + m("[😀-😂]+", "", "x😁😂y"));
		Sys.println("empty match positions=" + m("x*", "", "abc"));
		Sys.println("unset group in middle=" + m("(a)|(b)", "", "b"));
		Sys.println("named groups=" + m("(?<year>\\d{4})-(?<month>\\d\\d)", "", "on 2024-05-17"));

		// matchSub keeps the text before pos visible (lookbehind, \b) and positions absolute
		var r = ~/(?<=a)b/;
		Sys.println("lookbehind matchSub from 1=" + r.matchSub("ab", 1) + (r.matchSub("ab", 1) ? " pos=" + r.matchedPos().pos : ""));
		var wb = ~/\bc/;
		Sys.println("word boundary matchSub(\"abc\",2)=" + wb.matchSub("abc", 2) + " matchSub(\"ab c\",3)=" + wb.matchSub("ab c", 3));
		var caret = ~/^b/;
		Sys.println("^ with matchSub from 1=" + caret.matchSub("ab", 1));
		var d = ~/\d+/;
		Sys.println("matchSub len limits=" + d.matchSub("a123456", 1, 3) + " matched=" + d.matched(0) + " right=" + d.matchedRight() + " left=" + d.matchedLeft());
		Sys.println("matchSub pos at end=" + d.matchSub("a12", 3) + " empty pattern at end=" + ~/$/.matchSub("ab", 2));
		try {
			Sys.println("matchSub pos past end=" + d.matchSub("a12", 5));
		} catch (e:Dynamic) {
			Sys.println("matchSub pos past end throws=" + e);
		}

		// compile errors
		for (bad in ["[z-a]", "(?z)", "a**", "x{3,2}", "(?<=a", "\\k<none>"])
			Sys.println("compile \"" + bad + "\"=" + m(bad, "", "a"));

		// failed match resets, matched after failed match throws
		var g = ~/(\w)(\d)?/;
		g.match("a1");
		Sys.println("group 2 set=" + g.matched(2));
		g.match("b");
		Sys.println("group 2 unset after rematch=" + g.matched(2));
		Sys.println("match fails=" + g.match("--"));
		try {
			g.matched(0);
		} catch (e:Dynamic) {
			Sys.println("after failure matched(0) throws=" + e);
		}

		// replace, split, map with unicode and groups
		Sys.println("replace groups swap=" + ~/(\w+)@(\w+)/g.replace("me@home you@work", "$2:$1"));
		Sys.println("replace astral=" + ~/😀/g.replace("a😀b😀", "<$0>"));
		Sys.println("split astral=" + ~/😀/g.split("a😀b😀c"));
		Sys.println("map positions=" + ~/[aeiou]/g.map("banana split", r -> "" + r.matchedPos().pos));
		Sys.println("ungreedy via lazy=" + ~/<.+?>/g.replace("<a><b>", "[]"));

		// many regexps: each is a finalizer block for the collector
		var count = 0;
		for (i in 0...3000) {
			var e = new EReg("n" + i + "(x)?", "i");
			if (e.match("N" + i))
				count++;
		}
		Sys.println("3000 regexps matched=" + count);

		// long inputs
		var sb = new StringBuf();
		for (i in 0...20000)
			sb.add(i % 10 == 0 ? "😀" : "ab");
		var big = sb.toString();
		Sys.println("long input length=" + big.length + " emoji count=" + ~/😀/g.split(big).length);
		Sys.println("long replace length=" + ~/b/g.replace(big, "").length);
		var last = ~/😀[ab]*$/;
		Sys.println("long anchored match=" + last.match(big) + " pos=" + last.matchedPos().pos + " len=" + last.matchedPos().len);
	}
}
