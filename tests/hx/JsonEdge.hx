// haxe.Json edge cases: string escapes both ways (control characters, quotes, \u escapes, surrogate pairs, lone surrogates in escapes), numbers (exponents, -0, large, fractions), nesting, whitespace, parse errors with positions, stringify of NaN/infinity, class instances, nulls, the field order of dynamic objects, pretty printing.
class Item {
	public var id:Int;
	public var tags:Array<String>;
	public var next:Item;

	public function new(id, tags) {
		this.id = id;
		this.tags = tags;
	}
}

class JsonEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		try {
			Sys.println(label + " -> " + Std.string(f()));
		} catch (e:Dynamic) {
			Sys.println(label + " !! " + Std.string(e));
		}
	}

	static function codes(s:String)
		return [for (i in 0...s.length) StringTools.hex(s.charCodeAt(i), 4)].join(" ");

	static function main() {
		attempt("escapes out", () -> haxe.Json.stringify("q\"b\\s/n\nt\tr\rf\x0Cb\x08ze\x01\x1Fé\u{1F600}"));
		attempt("nul out", () -> codes(haxe.Json.stringify("a" + String.fromCharCode(0) + "b")));
		attempt("escapes in", () -> codes(haxe.Json.parse('"\\u0041\\u00e9\\ud83d\\ude00\\n\\/\\b\\f"')));
		attempt("lone surrogate escape", () -> codes(haxe.Json.parse('"a\\ud800b"')));
		attempt("raw utf8 in", () -> haxe.Json.parse('"héllo \u{1F600}"'));
		attempt("numbers", () -> {
			var a:Array<Dynamic> = haxe.Json.parse("[0, -0, 1.5, -2e3, 1E-2, 123456789012, 0.1, 1e400, 2147483647, 2147483648, -2147483649]");
			return [for (x in a) Std.string(x) + (Std.isOfType(x, Int) ? "i" : "f")].join(",");
		});
		attempt("literals", () -> {
			var a:Array<Dynamic> = haxe.Json.parse(" [ true ,false, null , {} , [] , \"\" ] ");
			return a.length + " " + a[0] + " " + a[1] + " " + a[2] + " " + Reflect.fields(a[3]).length + " " + a[4].length;
		});
		attempt("nested", () -> {
			var o:Dynamic = haxe.Json.parse('{"a":{"b":{"c":[1,[2,[3,{"d":"deep"}]]]}}}');
			return o.a.b.c[1][1][1].d;
		});
		attempt("duplicate keys", () -> {
			var o:Dynamic = haxe.Json.parse('{"k":1,"k":2}');
			return o.k;
		});
		for (bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"unterminated", "[1 2]", "01", "1.", ".5", "{'a':1}", "\"\\x\"", "[1]x", "nul"])
			attempt("parse [" + bad + "]", () -> Std.string(haxe.Json.parse(bad)));
		attempt("stringify specials", () -> haxe.Json.stringify([Math.NaN, Math.POSITIVE_INFINITY, Math.NEGATIVE_INFINITY, -0.0, 1e21, 0.1, 1 / 3, null]));
		attempt("stringify ints", () -> haxe.Json.stringify([0, -1, 2147483647, -2147483648]));
		var it = new Item(1, ["x", "y"]);
		it.next = new Item(2, []);
		attempt("stringify class", () -> haxe.Json.stringify(it));
		attempt("stringify anon order", () -> haxe.Json.stringify({zeta: 1, alpha: 2, mid: {b: true, a: false}, list: [1, 2]}));
		var d:Dynamic = {};
		d.third = 3;
		d.first = 1;
		d.second = 2;
		Reflect.setField(d, "with space", "s");
		Reflect.setField(d, "", "empty");
		attempt("stringify dynamic order", () -> haxe.Json.stringify(d));
		attempt("round trip order", () -> haxe.Json.stringify(haxe.Json.parse('{"b":1,"a":2,"c":{"z":0,"y":1}}')));
		attempt("pretty", () -> StringTools.replace(haxe.Json.stringify({a: ([1, {b: 2}] : Array<Dynamic>), c: "x"}, null, "  "), "\n", "|"));
		attempt("replacer", () -> haxe.Json.stringify({a: 1, b: "s", c: [1, 2]}, (k, v) -> k == "b" ? null : (k == "a" ? v * 10 : v)));
		attempt("map and enum", () -> haxe.Json.stringify({m: ["k" => 1], e: haxe.ds.Option.Some(1)}));
		attempt("bytes", () -> haxe.Json.stringify({b: haxe.io.Bytes.ofString("hi")}));
		var deep:Dynamic = [];
		var cur:Dynamic = deep;
		for (i in 0...200) {
			var n:Array<Dynamic> = [];
			cur.push(n);
			cur = n;
		}
		attempt("deep nesting length", () -> haxe.Json.stringify(deep).length + " " + (haxe.Json.parse(haxe.Json.stringify(deep)) : Array<Dynamic>).length);
	}
}
