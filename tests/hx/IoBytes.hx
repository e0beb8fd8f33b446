// haxe.io.Bytes: alloc, get/set, Int32/Int64/UInt16/Float/Double accessors, sub, blit, fill, compare, strings, hex, FPHelper.
import haxe.io.Bytes;

class IoBytes {
	static function main() {
		var b = Bytes.alloc(16);
		b.fill(0, 16, 0);
		for (i in 0...4)
			b.set(i, i * 60);
		Sys.println("get=" + [for (i in 0...4) b.get(i)] + " hex=" + b.toHex());
		b.setInt32(4, -123456);
		b.setUInt16(8, 65000);
		b.setFloat(10, 0.5);
		Sys.println("getInt32=" + b.getInt32(4) + " getUInt16=" + b.getUInt16(8) + " getFloat=" + b.getFloat(10));
		b.setDouble(0, 1.0 / 3);
		Sys.println("getDouble=" + b.getDouble(0) + " hex=" + b.sub(0, 8).toHex());
		var big = Bytes.alloc(8);
		big.setInt64(0, haxe.Int64.make(0x01020304, 0x05060708));
		Sys.println("setInt64 hex=" + big.toHex() + " getInt64=" + haxe.Int64.toStr(big.getInt64(0)));
		var s = Bytes.ofString("héllo wörld");
		Sys.println("ofString length=" + s.length + " toString=" + s.toString());
		Sys.println("getString(0,6)=" + s.getString(0, 6) + " readString=" + s.getString(7, 6));
		var hex = Bytes.ofHex("deadBEEF00");
		Sys.println("ofHex=" + hex.toHex() + " length=" + hex.length);
		var c = Bytes.alloc(6);
		c.fill(0, 6, 0x2A);
		c.blit(1, Bytes.ofString("abcd"), 1, 3);
		Sys.println("blit=" + c.toString());
		Sys.println("compare equal=" + Bytes.ofString("abc").compare(Bytes.ofString("abc")) + " less="
			+ (Bytes.ofString("abc").compare(Bytes.ofString("abd")) < 0) + " shorter=" + (Bytes.ofString("ab").compare(Bytes.ofString("abc")) < 0));
		var copy = s.sub(1, 3);
		Sys.println("sub hex=" + copy.toHex());
		var outside = try {
			s.sub(5, 100);
			"no error";
		} catch (e:haxe.io.Error) "haxe.io.Error " + e;
		Sys.println("sub outside bounds=" + outside);
		Sys.println("FPHelper floatToI32=" + StringTools.hex(haxe.io.FPHelper.floatToI32(1.0)) + " i32ToFloat="
			+ haxe.io.FPHelper.i32ToFloat(0x40490FDB));
		var d = haxe.io.FPHelper.doubleToI64(-2.0);
		Sys.println("doubleToI64 high=" + StringTools.hex(d.high) + " low=" + d.low + " back="
			+ haxe.io.FPHelper.i64ToDouble(d.low, d.high));
		var utf = Bytes.ofString("€", haxe.io.Encoding.UTF8);
		Sys.println("UTF8 euro bytes=" + utf.toHex());
		var rawString = Bytes.ofString("AB", RawNative);
		Sys.println("RawNative length=" + rawString.length);
		var data = b.getData();
		Sys.println("getData same length=" + data.length + " ofData=" + Bytes.ofData(data).length);
	}
}
