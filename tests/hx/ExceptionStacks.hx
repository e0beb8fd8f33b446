// Exception stacks with file:line: haxe.Exception.stack after throw/rethrow/wrap, CallStack.exceptionStack and callStack inside closures, methods, constructors and static initialisers, toString of stack items, previous chains, details(), catching by type through a hierarchy.
import haxe.CallStack;
import haxe.Exception;

class MyError extends Exception {
	public var code:Int;

	public function new(msg:String, code:Int, ?prev:Exception) {
		super(msg, prev);
		this.code = code;
	}
}

class SubError extends MyError {}

class Thrower {
	public var stack:CallStack;

	public function new(fail:Bool) {
		stack = CallStack.callStack();
		if (fail)
			throw new MyError("from constructor", 7);
	}

	public function deep(n:Int):Int {
		if (n == 0)
			throw new SubError("deep bottom", n);
		return deep(n - 1) + 1;
	}
}

class ExceptionStacks {
	static var lines:Array<String> = [];

	static function fmt(items:CallStack, max = 6):String {
		return [for (i in 0...Std.int(Math.min(items.length, max))) itemStr(items[i])].join(" < ");
	}

	static function itemStr(it:StackItem):String {
		return switch it {
			case FilePos(s, file, line, _): (s == null ? "" : itemStr(s) + "@") + file + ":" + line;
			case Method(c, m): "M(" + c + "." + m + ")";
			case LocalFunction(n): "L(" + n + ")";
			case Module(m): "Mod(" + m + ")";
			case CFunction: "C";
		}
	}

	static function rethrower() {
		try {
			new Thrower(false).deep(3);
		} catch (e:MyError) {
			lines.push("inner caught " + e.message + " code=" + e.code + " isSub=" + Std.isOfType(e, SubError));
			throw e;
		}
	}

	static function wrapper() {
		try {
			rethrower();
		} catch (e:Exception) {
			throw new MyError("wrapped", 2, e);
		}
	}

	static function main() {
		try {
			new Thrower(true);
		} catch (e:MyError) {
			lines.push("ctor: " + e.message + " stack=" + fmt(e.stack));
		}
		var t = new Thrower(false);
		lines.push("callStack in ctor=" + fmt(t.stack, 3));
		try {
			wrapper();
		} catch (e:MyError) {
			lines.push("wrapped: " + e.message + " code=" + e.code + " previous=" + e.previous.message + " prevType="
				+ Type.getClassName(Type.getClass(e.previous)));
			// Only the caller frames: above them, HashLink's JIT (a conservative scan of the machine stack) reports
			// an extra haxe.Exception constructor frame for an exception made inside a handler after a rethrow.
			var outer:Array<StackItem> = cast e.stack;
			lines.push("outer stack tail=" + fmt(cast outer.slice(outer.length - 2)));
			lines.push("previous stack=" + fmt(e.previous.stack));
			lines.push("exceptionStack=" + fmt(CallStack.exceptionStack(), 3));
		}
		var f = function(x:Int) {
			return CallStack.callStack();
		};
		lines.push("closure callStack=" + fmt(f(1), 3));
		try {
			[1, 2, 3].map(x -> x == 2 ? throw new MyError("in map", x) : x);
		} catch (e:MyError) {
			lines.push("in map code=" + e.code + " stack=" + fmt(e.stack, 4));
		}
		try {
			throw "raw string";
		} catch (e:Exception) {
			lines.push("raw: " + e.message + " type=" + Type.getClassName(Type.getClass(e)) + " native=" + Std.string(@:privateAccess e.unwrap()) + " stack=" + fmt(e.stack, 2));
		}
		try {
			try {
				throw 123;
			} catch (e:String) {
				lines.push("wrong catch");
			}
		} catch (e:Int) {
			lines.push("int caught=" + e);
		}
		try {
			throw new SubError("sub", 9);
		} catch (e:SubError) {
			var d = e.details();
			lines.push("details first line=" + d.split("\n")[0] + " lines=" + (d.split("\n").length > 1));
			lines.push("toString=" + e.toString());
		}
		var ex = new Exception("never thrown");
		lines.push("unthrown stack=" + fmt(ex.stack, 2) + " message=" + ex.message);
		lines.push("CallStack.toString=" + StringTools.replace(CallStack.toString([FilePos(Method("A", "b"), "A.hx", 3), LocalFunction(2), Module("M")]), "\n", "|"));
		for (l in lines)
			Sys.println(l);
	}
}
