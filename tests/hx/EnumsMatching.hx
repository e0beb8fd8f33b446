// Enums with parameters and pattern matching: nested patterns, guards, or-patterns, captures, arrays, structures, extractors.
enum Expr {
	Num(v:Int);
	Add(a:Expr, b:Expr);
	Mul(a:Expr, b:Expr);
	Neg(e:Expr);
	Var(name:String);
	Call(fn:String, args:Array<Expr>);
}

enum Tree<T> {
	Leaf;
	Node(left:Tree<T>, value:T, right:Tree<T>);
}

enum Shape {
	Circle(r:Float);
	Rect(w:Float, h:Float);
	Unit;
}

class EnumsMatching {
	static function eval(e:Expr, env:Map<String, Int>):Int {
		return switch (e) {
			case Num(v): v;
			case Add(a, b): eval(a, env) + eval(b, env);
			case Mul(Num(0), _) | Mul(_, Num(0)): 0;
			case Mul(a, b): eval(a, env) * eval(b, env);
			case Neg(Neg(inner)): eval(inner, env);
			case Neg(x): -eval(x, env);
			case Var(n) if (env.exists(n)): env.get(n);
			case Var(_): -999;
			case Call("max", args): var m = -1000000; for (a in args) { var v = eval(a, env); if (v > m) m = v; } m;
			case Call(name, []): name.length;
			case Call(_, args): args.length;
		}
	}

	static function show(e:Expr):String {
		return switch e {
			case Num(v) if (v < 0): "(" + v + ")";
			case Num(v): Std.string(v);
			case Add(a, b): show(a) + "+" + show(b);
			case Mul(a, b): "(" + show(a) + ")*(" + show(b) + ")";
			case Neg(x): "-" + show(x);
			case Var(n): n;
			case Call(f, args): f + "(" + [for (a in args) show(a)].join(",") + ")";
		}
	}

	static function insert(t:Tree<Int>, v:Int):Tree<Int> {
		return switch t {
			case Leaf: Node(Leaf, v, Leaf);
			case Node(l, x, r) if (v < x): Node(insert(l, v), x, r);
			case Node(l, x, r): Node(l, x, insert(r, v));
		}
	}

	static function inorder(t:Tree<Int>, out:Array<Int>):Array<Int> {
		switch t {
			case Leaf:
			case Node(l, v, r):
				inorder(l, out);
				out.push(v);
				inorder(r, out);
		}
		return out;
	}

	static function depth<T>(t:Tree<T>):Int {
		return switch t {
			case Leaf: 0;
			case Node(l, _, r): 1 + Std.int(Math.max(depth(l), depth(r)));
		}
	}

	static function classify(v:Int):String {
		return switch v {
			case 0: "zero";
			case 1 | 2 | 3: "small";
			case n if (n < 0): "negative";
			case 10 | 20: "round";
			case _: "other";
		}
	}

	static function structPattern(o:{kind:String, x:Int}):String {
		return switch o {
			case {kind: "pt", x: px}: "point x=" + px;
			case {x: 0}: "origin of " + o.kind;
			case _: "other " + o.kind;
		}
	}

	static function area(s:Shape):Float {
		return switch s {
			case Circle(r): 3 * r * r;
			case Rect(w, h): w * h;
			case Unit: 1;
		}
	}

	static function main() {
		var env = ["x" => 5, "y" => -2];
		var e = Add(Mul(Num(3), Var("x")), Neg(Neg(Num(4))));
		Sys.println("show=" + show(e) + " eval=" + eval(e, env));
		Sys.println("mul by zero=" + eval(Mul(Var("nope"), Num(0)), env));
		Sys.println("unknown var=" + eval(Var("z"), env));
		Sys.println("call max=" + eval(Call("max", [Num(1), Var("x"), Num(-7)]), env));
		Sys.println("call noargs=" + eval(Call("abc", []), env) + " call args=" + eval(Call("f", [Num(1), Num(2)]), env));
		Sys.println("negative shown=" + show(Add(Num(-3), Var("y"))));
		var t:Tree<Int> = Leaf;
		for (v in [5, 2, 8, 1, 9, 3, 7])
			t = insert(t, v);
		Sys.println("inorder=" + inorder(t, []) + " depth=" + depth(t));
		for (v in [0, 2, -5, 20, 7])
			Sys.println("classify " + Std.string(v) + "=" + classify(v));
		Sys.println("struct patterns=" + structPattern({kind: "pt", x: 7}) + "; " + structPattern({kind: "q", x: 0}) + "; "
			+ structPattern({kind: "q", x: 1}));
		var shapes = [Circle(2), Rect(2, 3.5), Unit];
		Sys.println("areas=" + [for (s in shapes) area(s)]);
		Sys.println("enum toString=" + shapes[1] + " " + Unit + " " + e);
		Sys.println("enum equality Unit==Unit=" + (Unit == Unit) + " Type.enumEq=" + Type.enumEq(Rect(1, 2), Rect(1, 2)));
		var s = Circle(1.5);
		var isCircle = s.match(Circle(_));
		var bigCircle = switch s {
			case Circle(r) if (r > 2): true;
			case _: false;
		}
		Sys.println("match Circle=" + isCircle + " big=" + bigCircle);
		var tuple = [1, 2, 3];
		var described = switch tuple {
			case [first, _, last]: "first=" + first + " last=" + last;
			case _: "other";
		}
		Sys.println("array pattern " + described);
		var str = "b";
		var which = switch (str) {
			case "a": 1;
			case "b" | "c": 2;
			case _: 3;
		}
		Sys.println("string or-pattern=" + which);
	}
}
