// haxe.io.Bytes at the edges: out-of-bounds errors of get/set/sub/blit/getString/fill, overlapping blits, compare of unequal lengths, zero-length bytes, UTF-8 decoding of invalid input, hex, Int64/Double accessors with special values.
import haxe.io.Bytes;

class BytesEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		try {
			Sys.println(label + " -> " + Std.string(f()));
		} catch (e:haxe.io.Error) {
			Sys.println(label + " !! io " + e);
		} catch (e:Dynamic) {
			Sys.println(label + " !! " + Std.string(e));
		}
	}

	static function main() {
		var b = Bytes.alloc(8);
		for (i in 0...8)
			b.set(i, i * 17);
		Sys.println("hex=" + b.toHex());
		attempt("get(8)", () -> b.get(8));
		attempt("get(-1)", () -> b.get(-1));
		attempt("set(8)", () -> {
			b.set(8, 1);
			return "ok";
		});
		attempt("sub(4,5)", () -> b.sub(4, 5).toHex());
		attempt("sub(-1,2)", () -> b.sub(-1, 2).toHex());
		attempt("sub(8,0)", () -> b.sub(8, 0).length);
		attempt("getString(6,3)", () -> b.getString(6, 3));
		attempt("blit over end", () -> {
			b.blit(6, b, 0, 4);
			return "ok";
		});
		attempt("fill over end", () -> {
			b.fill(7, 2, 0);
			return "ok";
		});
		attempt("getInt32(5)", () -> b.getInt32(5));
		attempt("getInt64(1)", () -> b.getInt64(1));
		attempt("getDouble(1)", () -> b.getDouble(1));
		attempt("getUInt16(7)", () -> b.getUInt16(7));
		attempt("alloc(-1)", () -> Bytes.alloc(-1).length);
		var o = Bytes.ofString("0123456789");
		o.blit(2, o, 0, 6);
		Sys.println("overlap forward=" + o.toString());
		o = Bytes.ofString("0123456789");
		o.blit(0, o, 3, 7);
		Sys.println("overlap backward=" + o.toString());
		var z = Bytes.alloc(0);
		Sys.println("zero length=" + z.length + " hex=[" + z.toHex() + "] str=[" + z.toString() + "] cmp=" + z.compare(Bytes.alloc(0)) + " cmp2="
			+ (z.compare(Bytes.ofString("a")) < 0));
		Sys.println("compare=" + (Bytes.ofString("abc").compare(Bytes.ofString("abd")) < 0) + " " + (Bytes.ofString("abc").compare(Bytes.ofString("ab")) > 0)
			+ " " + Bytes.ofString("abc").compare(Bytes.ofString("abc")) + " " + (Bytes.ofHex("ff").compare(Bytes.ofHex("01")) > 0));
		Sys.println("ofHex=" + Bytes.ofHex("00FFa0").toHex() + " len=" + Bytes.ofHex("").length);
		var inv = Bytes.ofHex("41c3284280e282ac");
		Sys.println("invalid utf8 length=" + inv.toString().length);
		Sys.println("valid multibyte=" + Bytes.ofHex("e282acf09f9880").toString().length);
		var d = Bytes.alloc(8);
		for (v in [0.0, -0.0, 1.0, Math.NaN, Math.POSITIVE_INFINITY, 5e-324, -1.5e300]) {
			d.setDouble(0, v);
			Sys.println("double " + v + " hex=" + d.toHex() + " back=" + d.getDouble(0));
			d.setFloat(0, v);
			Sys.println("float " + v + " hex=" + d.sub(0, 4).toHex() + " back=" + d.getFloat(0));
		}
		d.setInt64(0, haxe.Int64.make(0x80000000, 1));
		Sys.println("int64 hex=" + d.toHex() + " back=" + d.getInt64(0) + " int32s=" + d.getInt32(0) + "," + d.getInt32(4));
		d.setUInt16(0, 0x1FFFF);
		d.setInt32(2, -1);
		Sys.println("uint16 trunc=" + d.getUInt16(0) + " int32=" + d.getInt32(2) + " hex=" + d.toHex());
		d.set(0, 300);
		d.set(1, -1);
		Sys.println("set trunc=" + d.get(0) + "," + d.get(1));
		var s = Bytes.ofString("héllo wörld");
		Sys.println("getString(1,2)=" + s.getString(1, 2) + " len=" + s.length + " readString=" + s.getString(0, s.length));
		Sys.println("ofString RawNative length=" + Bytes.ofString("hé", RawNative).length + " back=" + Bytes.ofString("hé", RawNative).getString(0, 4, RawNative));
		var big = Bytes.alloc(100000);
		big.fill(0, 100000, 0x5A);
		Sys.println("big fill=" + big.get(99999) + " sub hex=" + big.sub(50000, 3).toHex());
	}
}
