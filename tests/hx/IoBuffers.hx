// haxe.io streams: BytesBuffer, BytesOutput/BytesInput with both endiannesses, readLine/readUntil, Eof, StringInput-like use.
import haxe.io.Bytes;
import haxe.io.BytesBuffer;
import haxe.io.BytesInput;
import haxe.io.BytesOutput;

class IoBuffers {
	static function main() {
		var bb = new BytesBuffer();
		bb.addByte(1);
		bb.addString("hi");
		bb.addInt32(0x01020304);
		bb.addFloat(1.5);
		bb.addDouble(-2.25);
		bb.addInt64(haxe.Int64.make(1, 2));
		bb.add(Bytes.ofString("XYZ"));
		bb.addBytes(Bytes.ofString("0123456"), 2, 3);
		Sys.println("BytesBuffer length=" + bb.length);
		var all = bb.getBytes();
		Sys.println("BytesBuffer hex=" + all.toHex());
		var out = new BytesOutput();
		out.writeByte(255);
		out.writeInt16(-2);
		out.writeUInt16(40000);
		out.writeInt24(-70000);
		out.writeInt32(123456789);
		out.writeFloat(0.25);
		out.writeDouble(1e100);
		out.writeString("line one\nline two\r\nend");
		out.bigEndian = true;
		out.writeInt32(0x0A0B0C0D);
		out.writeUInt16(0x1234);
		var bytes = out.getBytes();
		Sys.println("BytesOutput length=" + bytes.length);
		var inp = new BytesInput(bytes);
		Sys.println("readByte=" + inp.readByte() + " readInt16=" + inp.readInt16() + " readUInt16=" + inp.readUInt16()
			+ " readInt24=" + inp.readInt24());
		Sys.println("readInt32=" + inp.readInt32() + " readFloat=" + inp.readFloat() + " readDouble=" + inp.readDouble());
		Sys.println("readLine=" + inp.readLine() + "|" + inp.readLine() + "|");
		Sys.println("readString=" + inp.readString(3));
		inp.bigEndian = true;
		Sys.println("bigEndian readInt32=" + StringTools.hex(inp.readInt32()) + " readUInt16=" + StringTools.hex(inp.readUInt16()));
		Sys.println("position=" + inp.position + " length=" + inp.length);
		var eof = try {
			inp.readByte();
			"no eof";
		} catch (e:haxe.io.Eof) "Eof caught";
		Sys.println("read past end=" + eof);
		inp.position = 0;
		Sys.println("after seek readByte=" + inp.readByte());
		var partial = new BytesInput(Bytes.ofString("abcdefgh"), 2, 4);
		Sys.println("partial readAll=" + partial.readAll().toString());
		var buf = Bytes.alloc(4);
		var src = new BytesInput(Bytes.ofString("qrstuv"));
		var n = src.readBytes(buf, 0, 4);
		Sys.println("readBytes n=" + n + " buf=" + buf.toString());
		var src2 = new BytesInput(Bytes.ofString("key=value;rest"));
		Sys.println("readUntil=" + src2.readUntil("=".code) + " then=" + src2.readUntil(";".code));
		var out2 = new BytesOutput();
		out2.prepare(10);
		out2.write(Bytes.ofString("write-all"));
		out2.writeFullBytes(Bytes.ofString("<>"), 0, 2);
		Sys.println("write/writeFullBytes=" + out2.getBytes().toString());
	}
}
