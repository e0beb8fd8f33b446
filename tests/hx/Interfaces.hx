// Interfaces: implementation, multiple interfaces, interface inheritance, interface-typed calls and fields, isOfType.
interface Shape {
	var sides(default, null):Int;
	function area():Float;
	function name():String;
}

interface Named {
	function name():String;
}

interface Scalable extends Named {
	function scale(f:Float):Void;
}

class Square implements Shape implements Scalable {
	public var sides(default, null):Int = 4;
	public var side:Float;

	public function new(s:Float) {
		side = s;
	}

	public function area():Float {
		return side * side;
	}

	public function name():String {
		return "square";
	}

	public function scale(f:Float):Void {
		side *= f;
	}
}

class Triangle implements Shape {
	public var sides(default, null):Int = 3;
	var b:Float;
	var h:Float;

	public function new(b:Float, h:Float) {
		this.b = b;
		this.h = h;
	}

	public function area():Float {
		return b * h / 2;
	}

	public function name():String {
		return "triangle";
	}
}

class Labelled implements Named {
	var text:String;

	public function new(t:String) {
		text = t;
	}

	public function name():String {
		return "label:" + text;
	}
}

class Interfaces {
	static function totalArea(shapes:Array<Shape>):Float {
		var t = 0.0;
		for (s in shapes)
			t += s.area();
		return t;
	}

	static function names(items:Array<Named>):String {
		return [for (i in items) i.name()].join(",");
	}

	static function main() {
		var sq = new Square(3);
		var tr = new Triangle(4, 5);
		var shapes:Array<Shape> = [sq, tr];
		for (s in shapes)
			Sys.println(s.name() + " sides=" + s.sides + " area=" + s.area());
		Sys.println("totalArea=" + totalArea(shapes));
		var sc:Scalable = sq;
		sc.scale(2);
		Sys.println("after scale area=" + sq.area() + " via interface=" + shapes[0].area());
		Sys.println("names=" + names([sq, new Labelled("x"), sc]));
		var n:Named = sq;
		var f = n.name;
		Sys.println("interface method closure=" + f());
		Sys.println("sq is Shape=" + Std.isOfType(sq, Shape) + " is Named=" + Std.isOfType(sq, Named) + " is Scalable="
			+ Std.isOfType(sq, Scalable));
		Sys.println("tr is Scalable=" + Std.isOfType(tr, Scalable) + " label is Shape=" + Std.isOfType(new Labelled("y"), Shape));
		var dyn:Dynamic = tr;
		var asShape:Shape = dyn;
		Sys.println("Dynamic to interface area=" + asShape.area());
		var nullShape:Shape = null;
		Sys.println("null interface=" + (nullShape == null));
		var ifaces = Type.getClassName(Type.getClass(sc));
		Sys.println("class behind interface=" + ifaces);
	}
}
