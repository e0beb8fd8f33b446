// Equality and ordering between values whose classes have __compare hooks (String, Array through
// Dynamic) and values of other classes: the first operand's class decides (a regression: comparing
// an Array<Int> with an array typed Dynamic used to call the other class's hook and crash).
class CompareHooks {
	static function main() {
		var a = [1, 2, 3];
		var d:Dynamic = [1, 2, 3];
		trace(a == d);
		trace(d == a);
		var same:Dynamic = a;
		trace(a == same);
		var s = "abc";
		var ds:Dynamic = "abc";
		trace(s == ds);
		trace(ds == s);
		trace("abd" > "abc");
		var objs:Array<Dynamic> = [a, d, s, ds, 1, 1.0, null];
		var eq = [];
		for (x in objs)
			for (y in objs)
				eq.push(x == y ? 1 : 0);
		trace(eq.join(""));
	}
}
