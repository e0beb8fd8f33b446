// The Haxe side of examples/hello: a static function the C host calls.
class Hello {
	// @:keep: only the host calls greet, so with -dce full dead-code elimination would remove it
	// (the default, -dce std, keeps your own classes whole; see docs/embedding.md).
	@:keep public static function greet(name:String, times:Int):String {
		return [for (i in 0...times) 'Hello, $name!'].join(" ");
	}

	// main() runs when the host calls hlffi_call_entry (and when the module runs on its own).
	public static function main() {
		Sys.println("Hello.hx is loaded");
	}
}
