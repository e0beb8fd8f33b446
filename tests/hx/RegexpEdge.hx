// EReg edge cases: Unicode classes and case folding beyond ASCII, astral characters in patterns and subjects (UTF-16 positions), multiline anchors, replace with $ escapes ($$, $0, $1..$9, $10, unset groups), split/replace/map with empty matches, global matchSub, named groups, lookbehind, backreferences, escape(), compile errors (an unknown option letter crashes HashLink: not covered).
class RegexpEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		try {
			Sys.println(label + " -> " + Std.string(f()));
		} catch (e:Dynamic) {
			Sys.println(label + " !! " + Std.string(e));
		}
	}

	static function main() {
		var s = "aé\u{1F600}bÉ\u{10437}c";
		var r = new EReg("\\p{L}", "g");
		Sys.println("letters=" + r.map(s, m -> "[" + m.matched(0) + "]"));
		var r2 = ~/é/i;
		Sys.println("case fold=" + r2.match("É") + " " + ~/ω/i.match("Ω") + " " + ~/straße/i.match("STRASSE") + " " + new EReg("k", "i").match("\u212A"));
		var r3 = new EReg("\u{1F600}(.)", "");
		if (r3.match(s))
			Sys.println("astral pos=" + r3.matchedPos().pos + "," + r3.matchedPos().len + " group=" + r3.matched(1) + " left=" + r3.matchedLeft()
				+ " right=" + r3.matchedRight());
		var dot = ~/^.$/;
		Sys.println("dot matches pair=" + dot.match("\u{1F600}") + " length=" + "\u{1F600}".length);
		var ml = ~/^(\w+)$/gm;
		Sys.println("multiline=" + ml.map("one\ntwo\r\nthree", m -> "<" + m.matched(1) + ">"));
		var r4 = ~/(a)(b)?/g;
		Sys.println("replace escapes=" + r4.replace("ab a", "[$$|$0|$1|$2|$10|$]"));
		attempt("replace missing group", () -> r4.replace("ab", "$3"));
		var many = ~/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/;
		Sys.println("replace $10=" + many.replace("abcdefghijk", "$10-$11-$1"));
		Sys.println("split empty=" + ~/x*/g.split("abc").join("|") + " split all=" + ~/,/g.split(",a,,b,").join("|") + " split first=" + ~/,/.split("a,b,c").join("|"));
		Sys.println("replace empty=" + ~/x*/g.replace("abc", "-") + " map empty=" + ~/b*/g.map("abc", m -> "(" + m.matched(0) + ")"));
		var g = ~/\d+/g;
		var pos = 0, found = [];
		var text = "a1b22c333";
		while (g.matchSub(text, pos)) {
			var p = g.matchedPos();
			found.push(g.matched(0) + "@" + p.pos);
			pos = p.pos + p.len;
		}
		Sys.println("matchSub loop=" + found.join(","));
		attempt("matchSub len", () -> ~/c/.matchSub("abcabc", 1, 2) + " " + ~/c/.matchSub("abcabc", 1, 1));
		attempt("named group", () -> {
			var n = ~/(?<year>\d{4})-(?<month>\d\d)/;
			return n.match("on 2024-05!") ? n.matched(1) + "/" + n.matched(2) : "no";
		});
		attempt("lookbehind", () -> ~/(?<=\$)\d+/.match("cost $42") ? ~/(?<=\$)\d+/.replace("cost $42", "N") : "no");
		attempt("backreference", () -> ~/(\w)\1/g.map("aabbcd", m -> m.matched(1).toUpperCase()));
		attempt("unmatched group", () -> {
			var u = ~/(a)|(b)/;
			u.match("b");
			return u.matched(1) + " " + u.matched(2) + " pos1=" + u.matchedPos().pos;
		});
		attempt("group out of range", () -> {
			var u = ~/(a)/;
			u.match("a");
			return u.matched(2);
		});
		attempt("matched before match", () -> ~/(a)/.matched(0));
		attempt("escape", () -> EReg.escape("a.b*c?(d)[e]{f}|g^h$i\\j+k/l"));
		attempt("escaped use", () -> new EReg(EReg.escape("1+1=2?"), "").match("is 1+1=2? yes"));
		for (bad in ["(", "[a-", "*a", "a{2,1}", "(?<n>a)(?<n>b)", "\\", "a)", "(?z)"])
			attempt("compile " + bad, () -> new EReg(bad, "").match("a"));
		attempt("greedy vs lazy", () -> ~/<.+>/.replace("<a><b>", "X") + " " + ~/<.+?>/.replace("<a><b>", "X"));
		attempt("dotall", () -> ~/a.b/s.match("a\nb") + " " + ~/a.b/.match("a\nb"));
		attempt("anchors on sub", () -> ~/^b/.matchSub("ab", 1) + " " + ~/\bb/.matchSub("ab", 1));
		attempt("long subject", () -> {
			var big = [for (i in 0...5000) "ab"].join("") + "X";
			var lr = ~/X/;
			return lr.match(big) ? lr.matchedPos().pos : -1;
		});
		attempt("null subject", () -> ~/a/.match(null));
	}
}
