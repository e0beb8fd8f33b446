// The module of the properties and interfaces tests (test_properties): every kind of Haxe property
// (accessors only, accessors with a physical field, default/set, default/null, get/never), static
// properties, throwing accessors, and interfaces implemented directly, through a superclass and through
// a super-interface. Haxe's own Reflect and Std.isOfType answers are there for the C side to compare.
@:keep
interface IShape {
	function area():Float;
}

@:keep
interface INamed extends IShape {
	function label():String;
}

@:keep
interface IUnused {
	function nothing():Void;
}

@:keep
class Base implements INamed {
	var _w:Int = 2;
	var _title:String = "untitled";

	// Haxe 4 compiles (get, set) without @:isVar to the accessors alone: no field named w.
	public var w(get, set):Int;
	public var title(get, set):String;
	public var calc(get, never):Int;
	@:isVar public var both(get, set):Int = 3;
	public var obs(default, set):Int = 1;
	public var ro(default, null):Int = 5;
	public var guarded(default, set):Int = 0;
	public var fragile(get, null):Int;
	public var weird:Int = 9;

	public function new() {}

	function get_w():Int {
		return _w * 10;
	}

	function set_w(v:Int):Int {
		_w = v;
		return v;
	}

	function get_title():String {
		return "<" + _title + ">";
	}

	function set_title(v:String):String {
		_title = v;
		return v;
	}

	function get_calc():Int {
		return 42;
	}

	function get_both():Int {
		return both + 100;
	}

	function set_both(v:Int):Int {
		return both = v * 2;
	}

	function set_obs(v:Int):Int {
		obs = v + 1;
		return obs;
	}

	function set_guarded(v:Int):Int {
		if (v < 0)
			throw "guarded must be >= 0, got " + v;
		return guarded = v;
	}

	function get_fragile():Int {
		throw "fragile broke";
	}

	// Not an accessor (it takes an argument): `weird` reads and writes as the plain field.
	public function get_weird(x:Int):Int {
		return x;
	}

	public function area():Float {
		return 1.0;
	}

	public function label():String {
		return "base";
	}

	// What Haxe sees, for the C side to compare.
	public function state():String {
		return '_w=$_w _title=$_title both=$both obs=$obs ro=$ro guarded=$guarded weird=$weird';
	}

	public static function reflectGet(o:Dynamic, name:String):Dynamic {
		return Reflect.getProperty(o, name);
	}
}

@:keep
class Derived extends Base {
	public function new() {
		super();
	}
}

@:keep
class Loose implements IShape {
	public function new() {}

	public function area():Float {
		return 2.0;
	}
}

@:keep
class Plain {
	public var x:Int = 1;

	public function new() {}
}

@:keep
class Statics {
	static var _count:Int = 7;
	public static var count(get, set):Int;
	public static var plain:Int = 11;

	static function get_count():Int {
		return _count + 1000;
	}

	static function set_count(v:Int):Int {
		return _count = v;
	}

	public static function rawCount():Int {
		return _count;
	}
}

@:keep
class ApiProps {
	public static function asShape(b:Base):IShape {
		return b;
	}

	public static function asNamed(b:Base):INamed {
		return b;
	}

	public static function isShape(d:Dynamic):Bool {
		return Std.isOfType(d, IShape);
	}

	public static function isNamed(d:Dynamic):Bool {
		return Std.isOfType(d, INamed);
	}

	public static function isUnused(d:Dynamic):Bool {
		return Std.isOfType(d, IUnused);
	}

	public static function main() {}
}
