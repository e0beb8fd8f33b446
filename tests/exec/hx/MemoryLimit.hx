// Run with `hlffi run --max-heap 24M`: growing a structure past the VM's memory limit throws a
// catchable exception at the allocation site; once the structure is dropped the program goes on,
// and can hit the limit and recover again.
class MemoryLimit {
	static function fill():Int {
		var keep:Array<haxe.io.Bytes> = [];
		try {
			while (true)
				keep.push(haxe.io.Bytes.alloc(1 << 20));
		} catch (e:Dynamic) {
			var n = keep.length;
			keep = null;
			Sys.println("caught: " + Std.string(e) + " after more than 8 MB: " + (n > 8));
			return n;
		}
		return -1;
	}

	static function main() {
		var first = fill();
		var second = fill();
		Sys.println("recovered twice: " + (first > 0 && second > 0));
		var small = [for (i in 0...1000) "item" + i];
		Sys.println("small allocations after recovery: " + small.length);
	}
}
