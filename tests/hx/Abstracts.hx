// Abstracts: operator overloading, implicit from/to casts, enum abstracts, @:forward, @:arrayAccess, abstract over class.
abstract Vec2(Array<Float>) {
	public inline function new(x:Float, y:Float) {
		this = [x, y];
	}

	public var x(get, never):Float;
	public var y(get, never):Float;

	inline function get_x()
		return this[0];

	inline function get_y()
		return this[1];

	@:op(A + B) public static function add(a:Vec2, b:Vec2):Vec2 {
		return new Vec2(a.x + b.x, a.y + b.y);
	}

	@:op(A * B) @:commutative public static function scale(a:Vec2, f:Float):Vec2 {
		return new Vec2(a.x * f, a.y * f);
	}

	@:op(-A) public static function neg(a:Vec2):Vec2 {
		return new Vec2(-a.x, -a.y);
	}

	@:op(A == B) public static function eq(a:Vec2, b:Vec2):Bool {
		return a.x == b.x && a.y == b.y;
	}

	public function toString():String {
		return "(" + x + "," + y + ")";
	}
}

abstract Meters(Float) from Float to Float {
	@:to public function toCm():Centimeters {
		return new Centimeters(this * 100);
	}

	@:op(A + B) static function plus(a:Meters, b:Meters):Meters;
}

abstract Centimeters(Float) {
	public inline function new(v:Float) {
		this = v;
	}

	public function value():Float {
		return this;
	}
}

enum abstract Color(Int) to Int {
	var Red = 1;
	var Green = 2;
	var Blue = 4;

	public function label():String {
		return switch (cast this : Color) {
			case Red: "red";
			case Green: "green";
			case Blue: "blue";
		}
	}
}

enum abstract Mode(String) {
	var Read = "r";
	var Write = "w";
}

@:forward(push, length, join)
abstract NameList(Array<String>) {
	public function new() {
		this = [];
	}

	@:arrayAccess function get(i:Int):String {
		return this[i].toUpperCase();
	}

	@:arrayAccess function set(i:Int, v:String):String {
		return this[i] = v + "!";
	}
}

abstract Flags(Int) {
	public inline function new(v:Int)
		this = v;

	public inline function has(bit:Int):Bool
		return (this & (1 << bit)) != 0;

	public inline function with(bit:Int):Flags
		return new Flags(this | (1 << bit));

	@:from static function fromString(s:String):Flags {
		return new Flags(Std.parseInt(s));
	}

	@:to function toInt():Int
		return this;
}

class Abstracts {
	static function main() {
		var a = new Vec2(1, 2);
		var b = new Vec2(0.5, -1);
		Sys.println("a+b=" + (a + b).toString());
		Sys.println("a*3=" + (a * 3).toString() + " 2*b=" + (2 * b).toString());
		Sys.println("-a=" + (-a).toString());
		Sys.println("a==a copy=" + (a == new Vec2(1, 2)) + " a==b=" + (a == b));
		var m:Meters = 2.5;
		var cm:Centimeters = m;
		Sys.println("meters to cm=" + cm.value());
		var sum:Meters = m + (1.5 : Meters);
		var f:Float = sum;
		Sys.println("meters sum=" + f);
		var c = Color.Green;
		var ci:Int = c;
		Sys.println("color=" + c.label() + " int=" + ci + " blue|red=" + (Color.Blue | Color.Red));
		var colors = [Red, Green, Blue];
		Sys.println("labels=" + [for (x in colors) x.label()].join(","));
		var mode = Mode.Write;
		Sys.println("mode=" + mode + " isRead=" + (mode == Read));
		var names = new NameList();
		names.push("ann");
		names[1] = "bob";
		Sys.println("names[0]=" + names[0] + " names[1]=" + names[1] + " length=" + names.length + " join=" + names.join("/"));
		var fl:Flags = "5";
		fl = fl.with(3);
		var fi:Int = fl;
		Sys.println("flags=" + fi + " has0=" + fl.has(0) + " has1=" + fl.has(1) + " has3=" + fl.has(3));
	}
}
