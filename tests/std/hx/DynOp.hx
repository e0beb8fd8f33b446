// References the native dyn_op, which Haxe 4.2.5's std library never declares (HashLink's own tests
// declare it like this), so that check_signatures.py can check its signature too.
class DynOp {
	@:hlNative("std", "dyn_op") static function dynOp(op:Int, a:Dynamic, b:Dynamic):Dynamic {
		return null;
	}

	static function main() {
		Sys.println(dynOp(1, 7, 2));
	}
}
