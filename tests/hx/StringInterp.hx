// String interpolation: $ident, ${expr}, nested quotes, method calls, escaping $$, multi-line, formatting numbers and objects.
class Money {
	public var cents:Int;

	public function new(c:Int) {
		cents = c;
	}

	public function toString():String {
		return '$$${Std.int(cents / 100)}.${StringTools.lpad(Std.string(cents % 100), "0", 2)}';
	}
}

class StringInterp {
	static function main() {
		var name = "Ada";
		var age = 36;
		var f = 1.25;
		Sys.println('simple=$name is $age');
		Sys.println('expr=${age + 1} ${age * 2 > 70 ? "big" : "small"} ${name.toUpperCase()}');
		Sys.println('float=$f sum=${f + age} bool=${age > 30} null=${null}');
		Sys.println('dollar=$$name literal and price ${new Money(12345)} and ${new Money(7)}');
		var items = ["x", "y"];
		Sys.println('array=$items length=${items.length} first=${items[0]}');
		var o = {k: 1, nested: {v: "deep"}};
		Sys.println('field=${o.k} nested=${o.nested.v}');
		Sys.println('inner quotes=${'single ${"double"}'}');
		var lines = 'line1
line2';
		Sys.println('multiline count=${lines.split("\n").length}');
		Sys.println('call=${[for (i in 0...3) i * i].join("+")}');
		var dq = "double $name quotes do not interpolate";
		Sys.println('dq=$dq');
		Sys.println('adjacent=$name$age${name}');
		Sys.println('unicode=${"é".length} ${"😀".length}');
	}
}
