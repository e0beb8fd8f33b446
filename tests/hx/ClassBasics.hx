// Classes: constructors, instance fields and methods, field defaults, toString, object identity, null fields.
class Point {
	public var x:Int;
	public var y:Int;
	public var label:String = "pt";
	public var scale:Float = 1.5;
	public var tags:Array<String>;

	public function new(x:Int, y:Int) {
		this.x = x;
		this.y = y;
		tags = [];
	}

	public function add(o:Point):Point {
		return new Point(x + o.x, y + o.y);
	}

	public function lengthSq():Int {
		return x * x + y * y;
	}

	public function moveBy(dx:Int, dy:Int):Point {
		x += dx;
		y += dy;
		return this;
	}

	public function toString():String {
		return label + "(" + x + "," + y + ")";
	}
}

class Counter {
	public var count(default, null):Int = 0;
	var step:Int;

	public function new(?step:Int = 1) {
		this.step = step;
	}

	public function tick():Int {
		count += step;
		return count;
	}
}

class Empty {
	public function new() {}
}

class ClassBasics {
	static function main() {
		var p = new Point(3, 4);
		Sys.println("p=" + p);
		Sys.println("p.x=" + p.x + " p.y=" + p.y);
		Sys.println("lengthSq=" + p.lengthSq());
		var q = p.add(new Point(1, -1));
		Sys.println("add=" + q.toString());
		Sys.println("default label=" + q.label + " scale=" + q.scale);
		p.moveBy(1, 1).moveBy(10, 20);
		Sys.println("chained moveBy=" + p);
		p.label = "moved";
		Sys.println("after label change=" + p);
		p.tags.push("a");
		p.tags.push("b");
		Sys.println("tags=" + p.tags + " count=" + p.tags.length);
		var same = p;
		Sys.println("identity same==" + (same == p) + " other==" + (q == p));
		var c = new Counter();
		c.tick();
		c.tick();
		Sys.println("counter default step=" + c.count);
		var c3 = new Counter(3);
		for (i in 0...4)
			c3.tick();
		Sys.println("counter step 3 x4=" + c3.count);
		var n:Point = null;
		Sys.println("null instance is null=" + (n == null));
		var e = new Empty();
		Sys.println("empty class string=" + Std.string(e));
		var pts = [for (i in 0...4) new Point(i, i * i)];
		var total = 0;
		for (pt in pts)
			total += pt.lengthSq();
		Sys.println("sum of lengthSq=" + total);
		Sys.println("array of objects=" + pts);
	}
}
