// Exception flow: rethrow, finally-like cleanup, nested handlers, haxe.Exception subclasses, previous, wrap/unwrap,
// exceptions crossing closures and loops, break/continue/return out of try blocks.
class MyError extends haxe.Exception {
	public var code:Int;

	public function new(msg:String, code:Int, ?previous:haxe.Exception) {
		super(msg, previous);
		this.code = code;
	}
}

class ExceptionsFlow {
	static var log:Array<String> = [];

	static function withCleanup(f:Void->Void):Void {
		try {
			f();
		} catch (e:Dynamic) {
			log.push("cleanup(error)");
			throw e;
		}
		log.push("cleanup(ok)");
	}

	static function depth(n:Int):Int {
		if (n == 0)
			throw new MyError("bottom", 99);
		return depth(n - 1) + 1;
	}

	static function rethrowing():Void {
		try {
			depth(3);
		} catch (e:MyError) {
			log.push("rethrowing " + e.message);
			throw e;
		}
	}

	static function wrapping():Void {
		try {
			rethrowing();
		} catch (e:MyError) {
			throw new MyError("wrapped", 2, e);
		}
	}

	static function loopControl():String {
		var out = [];
		for (i in 0...6) {
			try {
				if (i == 1)
					continue;
				if (i == 4)
					break;
				if (i == 2)
					throw "skip" + i;
				out.push("i" + i);
			} catch (s:String) {
				out.push(s);
			}
		}
		return out.join(",");
	}

	static function returnFromTry(x:Int):String {
		try {
			if (x > 0)
				return "positive";
			throw "nonpositive";
		} catch (e:String) {
			return "caught " + e;
		}
	}

	static function main() {
		withCleanup(() -> log.push("work"));
		try {
			withCleanup(() -> throw "fail");
		} catch (e:String) {
			log.push("outer got " + e);
		}
		Sys.println("cleanup log=" + log.join(";"));
		log = [];
		try {
			wrapping();
		} catch (e:MyError) {
			Sys.println("wrapped message=" + e.message + " code=" + e.code);
			Sys.println("previous=" + (e.previous == null ? "none" : e.previous.message));
			var prev = Std.downcast(e.previous, MyError);
			Sys.println("previous code=" + prev.code);
		}
		Sys.println("rethrow log=" + log.join(";"));
		try {
			throw "plain string";
		} catch (e:haxe.Exception) {
			Sys.println("string caught as haxe.Exception message=" + e.message + " isValueException="
				+ Std.isOfType(e, haxe.ValueException));
			Sys.println("unwrap=" + @:privateAccess e.unwrap());
		}
		try {
			throw 123;
		} catch (e:haxe.ValueException) {
			Sys.println("ValueException value=" + e.value);
		}
		var ex = @:privateAccess haxe.Exception.thrown(new MyError("direct", 5));
		Sys.println("Exception.thrown keeps instance=" + Std.isOfType(ex, MyError));
		var caught = @:privateAccess haxe.Exception.caught("raw");
		Sys.println("Exception.caught wraps=" + caught.message + " toString=" + caught.toString());
		Sys.println("loop control=" + loopControl());
		Sys.println("return from try=" + returnFromTry(1) + "/" + returnFromTry(-1));
		var counter = [0];
		function risky(n:Int) {
			counter[0]++;
			if (n % 3 == 0)
				throw n;
			return n;
		}
		var results = [];
		for (i in 1...8) {
			results.push(try risky(i) catch (e:Int) -e);
		}
		Sys.println("results=" + results + " calls=" + counter[0]);
		var nested = [];
		try {
			try {
				try {
					throw new MyError("deep", 1);
				} catch (e:String) {
					nested.push("wrong");
				}
			} catch (e:MyError) {
				nested.push("level2 " + e.code);
				throw "converted";
			}
		} catch (e:String) {
			nested.push("level1 " + e);
		}
		Sys.println("nested handlers=" + nested.join(","));
		var e = new MyError("details", 3);
		Sys.println("exception toString=" + e.toString() + " details has message=" + (e.details().indexOf("details") >= 0));
	}
}
