// haxe.io streams and encodings: BytesInput/BytesOutput with both endiannesses for every width (signed and unsigned, 24-bit, floats), readString/writeString in UTF-8 and RawNative, readLine over mixed endings, readUntil, readFullBytes past the end, BytesBuffer of every add, Input.readAll with a small buffer, StringInput, position/length changes, Eof and OutsideBounds errors.
import haxe.io.*;

class IoEncodings {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Eof) "Eof" catch (e:haxe.io.Error) "Error." + e catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + r);
	}

	static function main() {
		for (big in [false, true]) {
			var o = new BytesOutput();
			o.bigEndian = big;
			o.writeInt8(-2);
			o.writeInt16(-3);
			o.writeUInt16(65000);
			o.writeInt24(-4);
			o.writeUInt24(0xABCDEF);
			o.writeInt32(-5);
			o.writeFloat(1.5);
			o.writeDouble(-0.25);
			var b = o.getBytes();
			Sys.println("out big=" + big + " hex=" + b.toHex());
			var i = new BytesInput(b);
			i.bigEndian = big;
			Sys.println("in big=" + big + " " + i.readInt8() + " " + i.readInt16() + " " + i.readUInt16() + " " + i.readInt24() + " " + i.readUInt24()
				+ " " + i.readInt32() + " " + i.readFloat() + " " + i.readDouble() + " left=" + (i.length - i.position));
		}
		attempt("write out of range int16", () -> {
			var o = new BytesOutput();
			o.writeInt16(40000);
			return o.getBytes().toHex();
		});
		attempt("write out of range uint16", () -> {
			var o = new BytesOutput();
			o.writeUInt16(-1);
			return o.getBytes().toHex();
		});
		attempt("write out of range int8", () -> {
			var o = new BytesOutput();
			o.writeInt8(200);
			return o.getBytes().toHex();
		});
		attempt("strings", () -> {
			var o = new BytesOutput();
			o.writeString("é😀");
			o.writeString("é😀", RawNative);
			var b = o.getBytes();
			var i = new BytesInput(b);
			return b.toHex() + " " + i.readString(6) + " " + i.readString(6, RawNative);
		});
		attempt("readLine endings", () -> {
			var i = new StringInput("a\r\nb\nc\r\n\nlast");
			var l = [];
			try {
				while (true)
					l.push("[" + i.readLine() + "]");
			} catch (e:Eof) {}
			return l.join("");
		});
		attempt("readUntil", () -> {
			var i = new StringInput("k1=v1;k2=v2");
			return i.readUntil(";".code) + " | " + i.readUntil(";".code);
		});
		attempt("readUntil missing", () -> new StringInput("abc").readUntil("x".code));
		attempt("readFullBytes past end", () -> {
			var b = Bytes.alloc(10);
			new BytesInput(Bytes.ofString("abc")).readFullBytes(b, 0, 5);
			return "read";
		});
		attempt("readBytes partial", () -> {
			var b = Bytes.alloc(10);
			var n = new BytesInput(Bytes.ofString("abc")).readBytes(b, 0, 5);
			return n + " " + b.getString(0, n);
		});
		attempt("readBytes bad range", () -> new BytesInput(Bytes.ofString("abc")).readBytes(Bytes.alloc(2), 1, 5));
		attempt("BytesInput window", () -> {
			var i = new BytesInput(Bytes.ofString("0123456789"), 2, 5);
			var first = i.readString(2);
			i.position = 4;
			var rest = i.readAll().toString();
			return first + " " + rest + " len=" + i.length;
		});
		attempt("BytesInput bad window", () -> new BytesInput(Bytes.ofString("abc"), 2, 5).length);
		attempt("position past end", () -> {
			var i = new BytesInput(Bytes.ofString("abc"));
			i.position = 10;
			return i.position + " " + (try Std.string(i.readByte()) catch (e:Eof) "Eof");
		});
		attempt("readAll small buffer", () -> {
			var data = Bytes.alloc(10000);
			data.fill(0, 10000, 65);
			return new BytesInput(data).readAll(7).length;
		});
		attempt("BytesBuffer", () -> {
			var bb = new BytesBuffer();
			bb.addByte(1);
			bb.addString("é");
			bb.addString("é", RawNative);
			bb.addInt32(-1);
			bb.addInt64(haxe.Int64.make(1, 2));
			bb.addFloat(2.0);
			bb.addDouble(2.0);
			bb.addBytes(Bytes.ofString("xyz"), 1, 2);
			bb.add(Bytes.ofString("!"));
			var len = bb.length;
			return len + " " + bb.getBytes().toHex();
		});
		attempt("BytesBuffer bad addBytes", () -> {
			var bb = new BytesBuffer();
			bb.addBytes(Bytes.ofString("ab"), 1, 5);
			return bb.length;
		});
		attempt("Output.prepare/writeFullBytes", () -> {
			var o = new BytesOutput();
			o.prepare(100);
			o.writeFullBytes(Bytes.ofString("hello"), 1, 3);
			o.writeByte(0x100 + 33);
			return o.getBytes().toString() + " len=" + o.length;
		});
		attempt("Encoding names", () -> [Encoding.UTF8, Encoding.RawNative].map(e -> Std.string(e)).join(","));
		attempt("Input.readInt32 eof", () -> new BytesInput(Bytes.ofString("ab")).readInt32());
		attempt("StringInput unicode", () -> {
			var i = new StringInput("é😀");
			return i.length + " " + i.readByte() + " " + i.readString(5);
		});
	}
}
