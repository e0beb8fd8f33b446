// A sort comparator that itself sorts, recursively: every level re-enters the interpreter from the
// sort native. Deep enough nesting must end in a catchable "Stack overflow", never in a crash.
class NestedSort {
	static var depth = 0;
	static var deepest = 0;

	static function nested(level:Int):Int {
		var a = [3, 1, 2];
		a.sort(function(x, y) {
			if (level > deepest)
				deepest = level;
			if (level < 1000)
				nested(level + 1);
			return x - y;
		});
		return a[0];
	}

	static function main() {
		var shallow = [5, 4, 3];
		shallow.sort(function(x, y) return x - y);
		Sys.println("shallow: " + shallow.join(","));
		try {
			nested(0);
			Sys.println("no overflow");
		} catch (e:Dynamic) {
			Sys.println("caught: " + Std.string(e));
		}
		Sys.println("reached at least 20 levels: " + (deepest >= 20));
		var again = [9, 7, 8];
		again.sort(function(x, y) return x - y);
		Sys.println("after: " + again.join(","));
	}
}
