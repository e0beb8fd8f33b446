// Haxe side of tests/api/test_bytes.c: haxe.io.Bytes made in C checked by Haxe code, Bytes and raw
// hl.Bytes made by Haxe read in C.
import haxe.io.Bytes;

@:keep
class ApiBytes {
	public static function sum(b:Bytes):Int {
		var s = 0;
		for (i in 0...b.length)
			s += b.get(i);
		return s;
	}

	public static function text(b:Bytes):String {
		return b.toString();
	}

	public static function hex(b:Bytes):String {
		return b.toHex();
	}

	public static function length(b:Bytes):Int {
		return b.length;
	}

	// Haxe writes into C's buffer: C sees it through the same pointer.
	public static function stamp(b:Bytes, v:Int):Void {
		b.fill(0, b.length, v);
		b.set(0, 1);
	}

	public static function makeText(s:String):Bytes {
		return Bytes.ofString(s);
	}

	public static function makeSeq(n:Int):Bytes {
		var b = Bytes.alloc(n);
		for (i in 0...n)
			b.set(i, i * 7);
		return b;
	}

	public static function raw(n:Int):hl.Bytes {
		var b = new hl.Bytes(n);
		for (i in 0...n)
			b[i] = i + 1;
		return b;
	}

	public static function rawConst():hl.Bytes {
		return @:privateAccess "abc".bytes;
	}

	public static function main() {}
}
