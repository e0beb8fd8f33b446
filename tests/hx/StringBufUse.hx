// StringBuf: add of every value type, addChar, addSub, length, toString, building large strings, reuse after toString.
class StringBufUse {
	static function main() {
		var b = new StringBuf();
		b.add("str");
		b.add(42);
		b.add(1.5);
		b.add(true);
		b.add(null);
		b.add([1, 2]);
		b.add({x: 1});
		Sys.println("mixed=" + b.toString() + " length=" + b.length);
		var c = new StringBuf();
		c.addChar(72);
		c.addChar(0x20AC);
		c.addChar("!".code);
		Sys.println("addChar=" + c.toString() + " length=" + c.length);
		var d = new StringBuf();
		d.addSub("abcdefgh", 2, 3);
		d.addSub("abcdefgh", 6);
		Sys.println("addSub=" + d.toString());
		var big = new StringBuf();
		for (i in 0...1000)
			big.add(i % 10);
		var r = big.toString();
		Sys.println("big length=" + r.length + " start=" + r.substr(0, 12) + " end=" + r.substr(-5));
		big.add("more");
		Sys.println("after toString add length=" + big.length);
		var e = new StringBuf();
		Sys.println("empty=[" + e.toString() + "] length=" + e.length);
		var lines = new StringBuf();
		for (w in ["a", "b", "c"]) {
			lines.add(w);
			lines.add("\n");
		}
		Sys.println("lines count=" + lines.toString().split("\n").length);
		var cls = new StringBuf();
		cls.add(new Named("n1"));
		cls.add(haxe.ds.Option.Some(3));
		Sys.println("objects=" + cls.toString());
	}
}

class Named {
	var n:String;

	public function new(n:String) {
		this.n = n;
	}

	public function toString():String {
		return "Named<" + n + ">";
	}
}
