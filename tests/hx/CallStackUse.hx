// haxe.CallStack: callStack() inside nested calls, exceptionStack() after a catch, stack item patterns, toString of items.
import haxe.CallStack;

class Worker {
	public function new() {}

	public function run(depth:Int):Array<StackItem> {
		if (depth > 0)
			return run(depth - 1);
		return CallStack.callStack();
	}

	public function fail():Void {
		throw "worker failure";
	}
}

class CallStackUse {
	static function describe(item:StackItem):String {
		return switch item {
			case FilePos(Method(cls, meth), file, line, _): "method " + cls + "." + meth + " " + file + ":" + line;
			case FilePos(LocalFunction(n), file, line, _): "local function " + file + ":" + line;
			case FilePos(null, file, line, _): "file " + file + ":" + line;
			case FilePos(other, file, line, _): "other " + file + ":" + line;
			case Method(cls, meth): "bare method " + cls + "." + meth;
			case CFunction: "cfunction";
			case Module(m): "module " + m;
			case LocalFunction(n): "local " + n;
		}
	}

	static function main() {
		var w = new Worker();
		var st = w.run(3);
		var mine = st.filter(i -> describe(i).indexOf("CallStackUse.hx") >= 0);
		Sys.println("callStack frames in this file=" + mine.length);
		for (i in 0...(mine.length < 6 ? mine.length : 6))
			Sys.println("frame " + i + "=" + describe(mine[i]));
		try {
			w.fail();
		} catch (e:Dynamic) {
			var ex = CallStack.exceptionStack();
			var own = ex.filter(i -> describe(i).indexOf("CallStackUse.hx") >= 0);
			Sys.println("exceptionStack has frames=" + (own.length > 0));
			if (own.length > 0)
				Sys.println("exception top frame=" + describe(own[0]));
		}
		try {
			w.fail();
		} catch (e:haxe.Exception) {
			var es = e.stack;
			Sys.println("haxe.Exception.stack length>0=" + (es.length > 0));
		}
		var local = function() return CallStack.callStack().length > 0;
		Sys.println("callStack in local function non-empty=" + local());
		Sys.println("toString of synthetic stack=" + CallStack.toString([FilePos(Method("A", "b"), "A.hx", 12), Module("mod")]).split("\n").length);
	}
}
