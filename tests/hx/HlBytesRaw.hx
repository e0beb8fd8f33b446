// hl.Bytes: raw memory get/set of ui8, ui16, i32, f32, f64 and i64, blit, compare, fill, sub, UTF-16 strings in bytes.
class HlBytesRaw {
	static function dump(b:hl.Bytes, n:Int):String {
		return [for (i in 0...n) StringTools.hex(b[i], 2)].join("");
	}

	static function main() {
		var b = new hl.Bytes(32);
		b.fill(0, 32, 0);
		b[0] = 0x41;
		b[1] = 0x1FF;
		b.setUI8(2, 7);
		Sys.println("ui8 get=" + b[0] + "," + b[1] + "," + b.getUI8(2));
		b.setUI16(4, 0xBEEF);
		Sys.println("ui16=" + StringTools.hex(b.getUI16(4)) + " bytes=" + dump(b, 8));
		b.setUI16(6, 0x12345);
		Sys.println("ui16 truncated=" + StringTools.hex(b.getUI16(6)));
		b.setI32(8, -2);
		Sys.println("i32=" + b.getI32(8) + " low byte=" + b[8] + " ui16 view=" + b.getUI16(8));
		b.setF32(12, 1.5);
		Sys.println("f32=" + b.getF32(12) + " as i32=" + StringTools.hex(b.getI32(12)));
		b.setF64(16, -0.125);
		Sys.println("f64=" + b.getF64(16) + " high word=" + StringTools.hex(b.getI32(20)));
		var acc:hl.BytesAccess<hl.I64> = b;
		acc[3] = 0;
		Sys.println("i64 via BytesAccess zeroed=" + b.getF64(24));
		acc[3] = -3;
		var big:hl.I64 = acc[3];
		Sys.println("i64 via BytesAccess=" + big + " low i32=" + b.getI32(24) + " high i32=" + b.getI32(28));
		var i16:hl.BytesAccess<hl.UI16> = b;
		i16[13] = 0xCAFE;
		Sys.println("UI16 BytesAccess=" + StringTools.hex(i16[13]) + " bytes=" + dump(b.offset(26), 2));
		var f32a:hl.BytesAccess<Single> = b;
		f32a[7] = 2.5;
		Sys.println("F32 BytesAccess=" + f32a[7]);
		var fa:hl.BytesAccess<Float> = b;
		fa[2] = 6.25;
		Sys.println("F64 BytesAccess=" + fa[2] + " via getF64=" + b.getF64(16));
		var ia:hl.BytesAccess<Int> = b;
		ia[0] = 0x01020304;
		Sys.println("I32 BytesAccess bytes=" + dump(b, 4) + " sizeBits=" + ia.sizeBits + " nullValue=" + ia.nullValue);
		var c = new hl.Bytes(8);
		c.blit(0, b, 0, 8);
		Sys.println("blit compare=" + c.compare(0, b, 0, 8));
		c[0] = 0;
		Sys.println("compare after change sign=" + (c.compare(0, b, 0, 8) < 0));
		var sub = b.sub(4, 4);
		Sys.println("sub=" + dump(sub, 4));
		var hb = haxe.io.Bytes.ofString("hello");
		var raw:hl.Bytes = hb.getData().bytes;
		Sys.println("haxe.io.Bytes data first byte=" + raw[0] + " len=" + hb.length);
		var str = "Wide";
		var ucs2 = @:privateAccess str.bytes;
		Sys.println("String UTF-16 units=" + ucs2.getUI16(0) + "," + ucs2.getUI16(2) + " ucs2Length=" + ucs2.ucs2Length(0));
		var two = new hl.Bytes(6);
		two.blit(0, ucs2, 0, 4);
		two.setUI16(4, 0); // String.fromUCS2 reads up to a NUL unit
		var back = @:privateAccess String.fromUCS2(two);
		Sys.println("fromUCS2 of 2 units=" + back);
		var u8 = @:privateAccess str.toUtf8();
		Sys.println("toUtf8 bytes=" + dump(u8, 4));
	}
}
