// Exceptions: throwing every kind of value (Int, Float, Bool, String, object, enum, array, function, null, Exception)
// and catching it with typed catches in order, Dynamic catch-all, catch of a superclass.
class Problem {
	public var code:Int;

	public function new(c:Int) {
		code = c;
	}

	public function toString():String {
		return "Problem#" + code;
	}
}

class BigProblem extends Problem {}

enum Failure {
	NotFound(what:String);
	Timeout;
}

class ExceptionsThrow {
	static function raise(kind:Int):Void {
		switch kind {
			case 0:
				throw 42;
			case 1:
				throw 2.5;
			case 2:
				throw true;
			case 3:
				throw "text";
			case 4:
				throw new Problem(7);
			case 5:
				throw new BigProblem(8);
			case 6:
				throw NotFound("file");
			case 7:
				throw Timeout;
			case 8:
				throw [1, 2, 3];
			case 9:
				throw {reason: "anon"};
			case 10:
				throw new haxe.Exception("native exception");
			case 11:
				var d:Dynamic = null;
				throw d;
			default:
		}
	}

	static function classify(kind:Int):String {
		try {
			raise(kind);
			return "no throw";
		} catch (e:Int) {
			return "Int " + e;
		} catch (e:Float) {
			return "Float " + e;
		} catch (e:Bool) {
			return "Bool " + e;
		} catch (e:String) {
			return "String " + e;
		} catch (e:BigProblem) {
			return "BigProblem code=" + e.code;
		} catch (e:Problem) {
			return "Problem code=" + e.code;
		} catch (e:Failure) {
			return "Failure " + e;
		} catch (e:Array<Dynamic>) {
			return "Array length=" + e.length;
		} catch (e:haxe.Exception) {
			return "haxe.Exception message=" + e.message;
		} catch (e:Dynamic) {
			return "Dynamic " + e;
		}
	}

	static function onlyStrings(kind:Int):String {
		try {
			try {
				raise(kind);
			} catch (s:String) {
				return "inner caught string " + s;
			}
		} catch (e:Dynamic) {
			return "outer caught " + Std.string(e);
		}
		return "nothing";
	}

	static function main() {
		for (k in 0...13)
			Sys.println("classify " + k + "=" + classify(k));
		Sys.println("nested string=" + onlyStrings(3));
		Sys.println("nested int=" + onlyStrings(0));
		Sys.println("nested enum=" + onlyStrings(7));
		Sys.println("nested none=" + onlyStrings(99));
		var caught:Array<String> = [];
		for (k in [4, 5]) {
			try {
				raise(k);
			} catch (p:Problem) {
				caught.push(Std.string(p) + " isBig=" + Std.isOfType(p, BigProblem));
			}
		}
		Sys.println("superclass catch=" + caught.join(","));
		var fnThrown = try {
			throw function() return "from thrown function";
		} catch (f:Dynamic) {
			f();
		}
		Sys.println("thrown function=" + fnThrown);
		var v = try Std.parseInt("12") catch (e:Dynamic) -1;
		Sys.println("try as expression=" + v);
		var w = try {
			throw "boom";
			0;
		} catch (e:String) e.length;
		Sys.println("try expression with catch=" + w);
	}
}
