// Properties: get/set accessors, default/null/never access, @:isVar, computed properties, Reflect.getProperty/setProperty.
class Temperature {
	public var celsius(default, set):Float = 0;
	public var fahrenheit(get, set):Float;
	public var kelvin(get, never):Float;
	public var changes(default, null):Int = 0;
	@:isVar public var note(get, set):String;
	public var log:Array<String> = [];

	public function new() {}

	function set_celsius(v:Float):Float {
		changes++;
		log.push("set_celsius(" + v + ")");
		return celsius = v;
	}

	function get_fahrenheit():Float {
		return celsius * 9 / 5 + 32;
	}

	function set_fahrenheit(v:Float):Float {
		celsius = (v - 32) * 5 / 9;
		return v;
	}

	function get_kelvin():Float {
		return celsius + 273.15;
	}

	function get_note():String {
		return note == null ? "<none>" : "[" + note + "]";
	}

	function set_note(v:String):String {
		log.push("set_note");
		return note = v;
	}
}

class Lazy {
	public var value(get, null):Int;
	public var computeCount:Int = 0;

	public function new() {}

	function get_value():Int {
		if (value == 0) {
			computeCount++;
			value = 42;
		}
		return value;
	}
}

class StaticProps {
	public static var total(get, set):Int;
	static var store:Int = 5;

	static function get_total():Int {
		return store * 2;
	}

	static function set_total(v:Int):Int {
		store = v;
		return v;
	}
}

class Properties {
	static function main() {
		var t = new Temperature();
		t.celsius = 100;
		Sys.println("celsius=" + t.celsius + " fahrenheit=" + t.fahrenheit + " kelvin=" + t.kelvin);
		t.fahrenheit = 32;
		Sys.println("after set fahrenheit celsius=" + t.celsius);
		Sys.println("changes=" + t.changes);
		Sys.println("note before=" + t.note);
		t.note = "hot";
		Sys.println("note after=" + t.note);
		t.celsius += 5;
		Sys.println("compound assign celsius=" + t.celsius);
		Sys.println("log=" + t.log.join(";"));
		var l = new Lazy();
		Sys.println("lazy value=" + l.value + "," + l.value + " computeCount=" + l.computeCount);
		Sys.println("static prop total=" + StaticProps.total);
		StaticProps.total = 21;
		Sys.println("static prop after set=" + StaticProps.total);
		Sys.println("Reflect.getProperty fahrenheit=" + Reflect.getProperty(t, "fahrenheit"));
		Reflect.setProperty(t, "celsius", 10.0);
		Sys.println("Reflect.setProperty celsius=" + t.celsius + " changes=" + t.changes);
		Sys.println("Reflect.field celsius=" + Reflect.field(t, "celsius"));
		var d:Dynamic = t;
		d.celsius = 20.0;
		Sys.println("Dynamic set of property celsius=" + t.celsius + " changes=" + t.changes);
	}
}
