// Allocation churn for the garbage collector: short-lived objects, strings, arrays, maps, closures and enums in loops,
// a long-lived linked structure that survives while garbage accumulates, hl.Gc.major(); results are checksums.
class Link {
	public var value:Int;
	public var next:Link;
	public var payload:Array<Float>;

	public function new(v:Int, n:Link) {
		value = v;
		next = n;
		payload = [v * 0.5, v * 1.5];
	}
}

enum Shape {
	Sq(s:Int);
	Pair(a:Shape, b:Shape);
}

class GcChurn {
	static function weight(s:Shape):Int {
		return switch s {
			case Sq(v): v;
			case Pair(a, b): weight(a) + weight(b);
		}
	}

	static function main() {
		var keep:Link = null;
		for (i in 0...2000)
			keep = new Link(i, keep);
		var strSum = 0;
		for (i in 0...20000) {
			var s = "item" + i + "/" + (i * 7);
			strSum += s.length;
			var parts = s.split("/");
			strSum += parts.length;
		}
		Sys.println("string churn=" + strSum);
		var arrSum = 0.0;
		for (i in 0...5000) {
			var a = [for (k in 0...10) k * i];
			var b = a.map(x -> x + 1).filter(x -> x % 3 == 0);
			arrSum += b.length;
		}
		Sys.println("array churn=" + arrSum);
		var mapTotal = 0;
		for (round in 0...50) {
			var m = new Map<Int, String>();
			for (k in 0...200)
				m.set(k * round, "v" + k);
			for (k in m.keys())
				mapTotal += k % 7;
			var sm = new Map<String, Int>();
			for (k in 0...100)
				sm.set("k" + k, k);
			mapTotal += sm.get("k99");
		}
		Sys.println("map churn=" + mapTotal);
		var closures = 0;
		for (i in 0...10000) {
			var captured = i;
			var f = () -> captured * 2;
			closures += f() % 5;
		}
		Sys.println("closure churn=" + closures);
		var tree = Sq(1);
		for (i in 0...12)
			tree = Pair(tree, Sq(i));
		var enums = 0;
		for (i in 0...2000)
			enums += weight(Pair(Sq(i), Sq(1)));
		Sys.println("enum churn=" + enums + " tree weight=" + weight(tree));
		#if hl
		hl.Gc.major();
		#end
		var count = 0;
		var total = 0.0;
		var l = keep;
		while (l != null) {
			count++;
			total += l.payload[1];
			l = l.next;
		}
		Sys.println("long-lived list after collections count=" + count + " total=" + total);
		var sb = new StringBuf();
		for (i in 0...3000)
			sb.add(String.fromCharCode(65 + i % 26));
		var big = sb.toString();
		Sys.println("big string length=" + big.length + " tail=" + big.substr(-5));
		var boxed:Array<Dynamic> = [];
		for (i in 0...3000)
			boxed.push(i % 2 == 0 ? (i : Dynamic) : (i * 0.5 : Dynamic));
		var bsum = 0.0;
		for (v in boxed)
			bsum += v;
		Sys.println("boxed values sum=" + bsum);
	}
}
