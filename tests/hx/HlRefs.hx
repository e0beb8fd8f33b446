// hl.Ref: references to locals of several types, passing refs to functions (out parameters), get/set through refs.
class HlRefs {
	static function swap(a:hl.Ref<Int>, b:hl.Ref<Int>):Void {
		var t = a.get();
		a.set(b.get());
		b.set(t);
	}

	static function divmod(a:Int, b:Int, q:hl.Ref<Int>, r:hl.Ref<Int>):Bool {
		if (b == 0)
			return false;
		q.set(Std.int(a / b));
		r.set(a % b);
		return true;
	}

	static function scale(f:hl.Ref<Float>, by:Float):Void {
		f.set(f.get() * by);
	}

	static function addTo(r:hl.Ref<Int>, v:Int) {
		r.set(r.get() + v);
	}

	static function setBool(r:hl.Ref<Bool>) {
		r.set(true);
	}

	static function mulI64(r:hl.Ref<hl.I64>) {
		r.set(r.get() * 1000000000);
	}

	static function appendTo(s:hl.Ref<String>, suffix:String):Void {
		s.set(s.get() + suffix);
	}

	static function main() {
		var x = 1;
		var y = 2;
		swap(x, y);
		Sys.println("swap x=" + x + " y=" + y);
		var q = 0;
		var r = 0;
		var ok = divmod(47, 5, q, r);
		Sys.println("divmod ok=" + ok + " q=" + q + " r=" + r);
		var ok2 = divmod(1, 0, q, r);
		Sys.println("divmod by zero ok=" + ok2 + " q unchanged=" + q);
		var f = 1.5;
		scale(f, 4);
		Sys.println("scale float=" + f);
		var s = "a";
		appendTo(s, "b");
		appendTo(s, "c");
		Sys.println("append string=" + s);
		// (A local hl.Ref used in the same function, `var r = new hl.Ref(v); r.set(...)`, is miscompiled
		// by Haxe 4.2.5's optimizer: the stores go through a never-initialised register and HashLink
		// crashes. Refs are therefore only taken at call sites here.)
		var counter = 0;
		for (i in 0...5)
			addTo(counter, i);
		Sys.println("Ref counter=" + counter);
		var flag = false;
		setBool(flag);
		Sys.println("bool ref=" + flag);
		var i64:hl.I64 = 5;
		mulI64(i64);
		Sys.println("i64 ref=" + i64);
	}
}
