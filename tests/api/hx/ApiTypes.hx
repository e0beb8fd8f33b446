// The module of the type-reflection, enum, abstract and host-object tests (tests/api/test_types.c,
// test_enums.c, test_host_objects.c). Where C makes a value, a Haxe function here checks it the Haxe way.
import apitypes.Geo;

enum Color {
	Red;
	Green;
	Blue;
	Rgb(r:Int, g:Int, b:Int);
	Named(name:String);
}

enum Shape {
	Circle(radius:Float);
	Rect(w:Float, h:Float);
	Empty;
	Tagged(tag:String, inner:Shape);
	Small(level:hl.UI8, flag:Bool, amount:Single);
}

typedef Host = hl.Abstract<"apihost">;

@:keep
class Base {
	public var id:Int;
	public var label:String;

	public function new() {
		id = 1;
		label = "base";
	}

	public function describe():String {
		return "Base " + id;
	}

	public function ident():Int {
		return id;
	}

	public static function make():Base {
		return new Base();
	}
}

@:keep
class Derived extends Base {
	public var extra:Float;
	public var tint:Color;
	public var counter:hl.UI16;

	public function new() {
		super();
		extra = 2.5;
		tint = Blue;
	}

	override public function describe():String {
		return "Derived " + id;
	}

	public function own():Int {
		return 7;
	}

	public static function create(x:Float):Derived {
		var d = new Derived();
		d.extra = x;
		return d;
	}

	public static var instances:Int = 0;
}

@:keep
class ApiTypes {
	public static var favorite:Color = Green;
	public static var held:Dynamic = null;
	public static var heldHost:Host = null;

	// Enums from C to Haxe: a switch, physical equality with the shared constructor values.
	public static function colorCode(c:Color):Int {
		return switch (c) {
			case Red: 1;
			case Green: 2;
			case Blue: 3;
			case Rgb(r, g, b): r * 65536 + g * 256 + b;
			case Named(n): n == null ? -1 : 1000 + n.length;
		}
	}

	public static function isRed(c:Color):Bool {
		return c == Red;
	}

	public static function isBlue(c:Color):Bool {
		return c == Blue;
	}

	public static function sameAsFavorite(c:Color):Bool {
		return c == favorite;
	}

	public static function same(a:Color, b:Color):Bool {
		return a == b;
	}

	public static function colorFromDynamic(d:Dynamic):Int {
		return colorCode(d);
	}

	public static function area(s:Shape):Float {
		return switch (s) {
			case Circle(r): 3.0 * r * r;
			case Rect(w, h): w * h;
			case Empty: 0.0;
			case Tagged(_, inner): area(inner);
			case Small(level, flag, amount): flag ? level + amount : -1.0;
		}
	}

	public static function tagOf(s:Shape):String {
		return switch (s) {
			case Tagged(t, _): t;
			default: "none";
		}
	}

	// Enums from Haxe to C.
	public static function makeRgb(r:Int, g:Int, b:Int):Color {
		return Rgb(r, g, b);
	}

	public static function makeNamed(n:String):Color {
		return Named(n);
	}

	public static function makeTagged(t:String, w:Float):Shape {
		return Tagged(t, Rect(w, 2));
	}

	public static function makeSmall():Shape {
		return Small(200, true, 0.25);
	}

	public static function green():Color {
		return Green;
	}

	public static function colorAsDynamic(i:Int):Dynamic {
		return i == 0 ? Red : Rgb(i, i, i);
	}

	public static function allColors():Int {
		return Type.allEnums(Color).length;
	}

	// Values of several kinds, for hlffi_value_get_kind / get_type.
	public static function derivedAsBase():Base {
		return new Derived();
	}

	public static function derivedAsDynamic():Dynamic {
		return new Derived();
	}

	public static function intAsDynamic():Dynamic {
		return 42;
	}

	public static function floatAsDynamic():Dynamic {
		return 1.5;
	}

	public static function stringAsDynamic():Dynamic {
		return "text";
	}

	public static function anon():Dynamic {
		return {x: 1, y: "two"};
	}

	public static function closure():Int->Int {
		return function(x) return x + 1;
	}

	public static function nullableInt(n:Int):Null<Int> {
		return n < 0 ? null : n;
	}

	public static function geo():Geo {
		return new Geo(1.0, 2.0);
	}

	// Host objects: received as the abstract or as Dynamic, kept, passed back, dropped.
	public static function keepHost(h:Host):Bool {
		heldHost = h;
		return h != null;
	}

	public static function giveHost():Host {
		return heldHost;
	}

	public static function keepDynamic(d:Dynamic):Void {
		held = d;
	}

	public static function giveDynamic():Dynamic {
		return held;
	}

	public static function isHeld(h:Host):Bool {
		return h == heldHost;
	}

	// An abstract of the standard library's natives (not a host value).
	public static function nativeAbstract():Dynamic {
		return new hl.types.BytesMap();
	}

	public static function collect():Void {
		hl.Gc.major();
	}

	public static function hostString(d:Dynamic):String {
		return Std.string(d);
	}

	public static function dropAll():Void {
		held = null;
		heldHost = null;
	}

	// Allocates enough to make collections happen.
	public static function churn(n:Int):Int {
		var total = 0;
		for (i in 0...n) {
			var a = [for (j in 0...16) Std.string(j + i)];
			total += a.length;
		}
		return total;
	}

	public static function main() {
		var g = new Geo(0, 0);
		Derived.instances = g.sum() == 0 ? 1 : 0;
	}
}
