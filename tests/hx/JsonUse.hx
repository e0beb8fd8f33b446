// haxe.Json: parse of every JSON type, nested access, stringify of values/arrays/objects/classes, indentation, replacer.
class Rec {
	public var id:Int;
	public var tags:Array<String>;

	public function new(id:Int, tags:Array<String>) {
		this.id = id;
		this.tags = tags;
	}
}

class JsonUse {
	static function main() {
		var text = '{"name":"hx","version":4.2,"tags":["a","b"],"nested":{"ok":true,"none":null},"count":-12,"esc":"q\\"\\n\\u00e9"}';
		var o:Dynamic = haxe.Json.parse(text);
		Sys.println("name=" + o.name + " version=" + o.version + " tags=" + o.tags + " ok=" + o.nested.ok + " none=" + o.nested.none);
		Sys.println("count=" + o.count + " esc length=" + (o.esc : String).length + " tags length=" + o.tags.length);
		var keys = Reflect.fields(o);
		keys.sort(Reflect.compare);
		Sys.println("parsed keys sorted=" + keys);
		Sys.println("scalars=" + haxe.Json.parse("1") + " " + haxe.Json.parse("-2.5e3") + " " + haxe.Json.parse("\"s\"") + " "
			+ haxe.Json.parse("true") + " " + haxe.Json.parse("null"));
		Sys.println("array=" + haxe.Json.parse("[1, [2, []], {\"k\": 3}]").length);
		Sys.println("stringify scalars=" + haxe.Json.stringify(1) + " " + haxe.Json.stringify(1.5) + " " + haxe.Json.stringify("a\"b\\c\n")
			+ " " + haxe.Json.stringify(true) + " " + haxe.Json.stringify(null));
		Sys.println("stringify array=" + haxe.Json.stringify([1, 2, 3]) + " nested=" + haxe.Json.stringify([[1], []]));
		Sys.println("stringify single-field object=" + haxe.Json.stringify({k: "v"}));
		Sys.println("stringify class=" + haxe.Json.stringify(new Rec(7, ["x"])).length);
		var back:Dynamic = haxe.Json.parse(haxe.Json.stringify(new Rec(8, ["y", "z"])));
		Sys.println("round trip class id=" + back.id + " tags=" + back.tags);
		Sys.println("indent=" + haxe.Json.stringify([1, 2], null, "  ").split("\n").length + " lines");
		var replaced = haxe.Json.stringify({a: 1}, (key:Dynamic, value:Dynamic) -> key == "a" ? value * 10 : value);
		Sys.println("replacer=" + replaced);
		Sys.println("unicode=" + haxe.Json.stringify("é€"));
		var bad = try {
			haxe.Json.parse("{bad json}");
			"no error";
		} catch (e:Dynamic) "parse error";
		Sys.println("invalid=" + bad);
		var arr:Array<Dynamic> = haxe.Json.parse('[{"v":1},{"v":2},{"v":3}]');
		var sum = 0;
		for (e in arr)
			sum += e.v;
		Sys.println("sum of parsed=" + sum);
		Sys.println("float formats=" + haxe.Json.stringify([0.1, 1e21, -0.0, 100.0]));
	}
}
