// Run with `hlffi run`: after a large structure dies and a collection runs, its memory goes back to
// the system (the process's resident set falls back near where it was). The figures go to stderr.
class Node {
	public var next:Node;
	public var data:Array<Int>;
	public var name:String;

	public function new(next:Node, i:Int) {
		this.next = next;
		data = [i, i + 1, i + 2];
		name = "node" + i;
	}
}

class GcReturnMemory {
	static function rssMB():Float {
		var f = sys.io.File.read("/proc/self/statm"); // its size reads as 0: read a line, not the file
		var fields = f.readLine().split(" ");
		f.close();
		return Std.parseInt(fields[1]) * 4096 / (1024 * 1024);
	}

	// Builds the structure and measures with it alive; everything it allocated dies with this frame.
	static function build(n:Int):Float {
		var head:Node = null;
		for (i in 0...n)
			head = new Node(head, i);
		var big = haxe.io.Bytes.alloc(32 << 20);
		big.fill(0, big.length, 1);
		var count = 0, sum = 0;
		var p = head;
		while (p != null) {
			count++;
			sum += p.data[1] - p.data[0];
			p = p.next;
		}
		Sys.println("built " + count + " nodes, check " + (sum == n) + ", buffer " + big.get(12345));
		return rssMB();
	}

	static var kept:Array<String>;

	static function main() {
		hl.Gc.major();
		var before = rssMB();
		var during = build(1000000);
		// Allocated after the structure and kept: memory above it stays in use (a malloc heap could
		// only give back its top).
		kept = [for (i in 0...20000) "kept" + i];
		hl.Gc.major();
		var after = rssMB();
		Sys.stderr().writeString('RSS: ${Math.round(before)} MB before, ${Math.round(during)} MB with the structure, ${Math.round(after)} MB after it died\n');
		Sys.println("the structure made the process grow: " + (during - before > 100));
		// Not all of it: the kept strings may fill holes of the structure's pages (the collector does
		// not move blocks), and each such page stays.
		Sys.println("its memory went back: " + (after - before < (during - before) / 4));
		Sys.println("kept: " + kept.length + " " + kept[19999]);
	}
}
