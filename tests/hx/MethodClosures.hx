// Method values: bound instance methods, overridden (virtual) methods as values, static closures, interface methods, bind.
interface Speaker {
	function speak(times:Int):String;
}

class Animal implements Speaker {
	var name:String;

	public function new(n:String) {
		name = n;
	}

	public function speak(times:Int):String {
		return [for (i in 0...times) name].join(" ");
	}

	public function sound():String {
		return "...";
	}

	public function plain(a:Int, b:Int):Int {
		return a * 100 + b;
	}
}

class Cat extends Animal {
	override public function sound():String {
		return "meow from " + name;
	}

	override public function speak(times:Int):String {
		return "cat:" + super.speak(times);
	}
}

class MethodClosures {
	static var prefix = ">";

	static function shout(s:String):String {
		return prefix + s.toUpperCase();
	}

	static function apply<T>(f:Void->T):T {
		return f();
	}

	static function main() {
		var a:Animal = new Cat("tom");
		var snd = a.sound;
		Sys.println("virtual method closure=" + snd());
		var sp = a.speak;
		Sys.println("overridden method closure=" + sp(2));
		var plain = a.plain;
		Sys.println("non-virtual method closure=" + plain(3, 4));
		var base = new Animal("dog");
		var baseSnd = base.sound;
		Sys.println("base method closure=" + baseSnd());
		var s:Speaker = base;
		var ifn = s.speak;
		Sys.println("interface method closure=" + ifn(3));
		var st = shout;
		Sys.println("static closure=" + st("hey"));
		prefix = "#";
		Sys.println("static closure sees static change=" + st("x"));
		var bound = a.plain.bind(7);
		Sys.println("bind first arg=" + bound(8));
		var bound2 = a.plain.bind(_, 9);
		Sys.println("bind second arg=" + bound2(1));
		var boundStatic = shout.bind("bound");
		Sys.println("bind static=" + boundStatic());
		Sys.println("pass method as Void->T=" + apply(a.sound));
		var methods:Array<Void->String> = [a.sound, base.sound, () -> "lambda"];
		Sys.println("array of methods=" + [for (m in methods) m()].join("|"));
		var strMethod = "Hello".toLowerCase;
		Sys.println("String method closure=" + strMethod());
		var arr = [3, 1, 2];
		var idx = arr.indexOf;
		Sys.println("Array method closure=" + idx(2));
		var mathFn:Float->Float = Math.sqrt;
		Sys.println("Math.sqrt closure=" + mathFn(81));
		var parse = Std.parseInt;
		Sys.println("Std.parseInt closure=" + parse("123"));
		// Not `dynMethod(1)`: for a Dynamic local holding a method closure, Haxe 4.2.5's hlopt copy-propagates the
		// closure register into the call, giving OCallClosure on a typed (i32)->String register with a dyn argument
		// (see README.md); Reflect.callMethod is a genuinely dynamic call.
		var dynMethod:Dynamic = a.speak;
		Sys.println("method as Dynamic call=" + Reflect.callMethod(a, dynMethod, [1]));
		Sys.println("same closure compareMethods=" + Reflect.compareMethods(a.sound, a.sound));
	}
}
