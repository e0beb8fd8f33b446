// EReg: match/matched/matchedPos/matchedLeft/Right, global and case-insensitive flags, replace with groups, split, map, escape.
class ERegUse {
	static function main() {
		var r = ~/(\d+)-(\d+)/;
		Sys.println("match=" + r.match("range 10-20 end") + " matched(0)=" + r.matched(0) + " 1=" + r.matched(1) + " 2=" + r.matched(2));
		var pos = r.matchedPos();
		Sys.println("matchedPos=" + pos.pos + "," + pos.len + " left=[" + r.matchedLeft() + "] right=[" + r.matchedRight() + "]");
		Sys.println("no match=" + r.match("nothing here"));
		var ci = ~/hello/i;
		Sys.println("case-insensitive=" + ci.match("Say HELLO") + " " + ci.matched(0));
		var g = ~/o/g;
		Sys.println("global replace=" + g.replace("foo boo", "0"));
		Sys.println("single replace=" + ~/o/.replace("foo boo", "0"));
		Sys.println("group replace=" + ~/(\w+)@(\w+)/g.replace("ann@home bob@work", "$2:$1"));
		Sys.println("split=" + ~/[,;]\s*/g.split("a, b;c ,d"));
		Sys.println("split non-global=" + ~/,/.split("a,b,c"));
		Sys.println("map=" + ~/\d+/g.map("a1b22c333", e -> "<" + e.matched(0).length + ">"));
		Sys.println("escape=" + EReg.escape("a.b*c(d)"));
		var esc = new EReg(EReg.escape("1+1=2"), "");
		Sys.println("escaped pattern match=" + esc.match("is 1+1=2?"));
		var sub = ~/b+/;
		Sys.println("matchSub=" + sub.matchSub("abbcbbb", 3) + " pos=" + sub.matchedPos().pos + " len=" + sub.matchedPos().len);
		var multi = ~/^\w+$/m;
		Sys.println("multiline=" + multi.match("first line\nsecond\n") + " " + multi.matched(0));
		var opt = ~/(a)?(b)/;
		opt.match("b");
		Sys.println("optional group unmatched=" + opt.matched(1) + " 2=" + opt.matched(2));
		var words = [];
		var w = ~/[a-z]+/;
		var s = "one two  three";
		while (w.match(s)) {
			words.push(w.matched(0));
			s = w.matchedRight();
		}
		Sys.println("iterative matching=" + words);
		var dynamicPattern = new EReg("^(" + ["cat", "dog"].join("|") + ")s?$", "");
		Sys.println("alternation=" + dynamicPattern.match("dogs") + " " + dynamicPattern.match("cow"));
		Sys.println("unicode=" + ~/é+/.match("caféé") + " " + ~/./.replace("€x", "-"));
		var dot = ~/a.c/s;
		Sys.println("dotall=" + dot.match("a\nc"));
	}
}
