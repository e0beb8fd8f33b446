// haxe.zip: Compress/Uncompress (run, streaming execute, flush modes, levels), zip Writer/Reader/Tools round trips, zlib errors.
import haxe.io.Bytes;
import haxe.zip.Compress;
import haxe.zip.Uncompress;
import haxe.zip.FlushMode;

class ZipUse {
	static function data(n:Int, seed:Int):Bytes {
		// Deterministic, partly compressible: LCG letters with runs.
		var b = Bytes.alloc(n);
		var x = seed;
		for (i in 0...n) {
			x = (x * 1103515245 + 12345) & 0x7fffffff;
			b.set(i, (i % 64) < 40 ? 97 + (x >> 16) % 4 : 48 + (i % 10));
		}
		return b;
	}

	static function adlerTrailer(z:Bytes):Int {
		var n = z.length;
		return (z.get(n - 4) << 24) | (z.get(n - 3) << 16) | (z.get(n - 2) << 8) | z.get(n - 1);
	}

	static function main() {
		var text = Bytes.ofString("hello hello hello hello, zlib! héllo 😀");
		for (level in [-1, 0, 1, 6, 9]) {
			var z = Compress.run(text, level);
			var back = Uncompress.run(z);
			Sys.println("level " + level + " header=" + z.sub(0, 2).toHex() + " roundtrip=" + (back.compare(text) == 0) + " len="
				+ back.length + " adler trailer ok=" + (adlerTrailer(z) == haxe.crypto.Adler32.make(text)));
		}
		var empty = Compress.run(Bytes.alloc(0), 6);
		Sys.println("empty roundtrip len=" + Uncompress.run(empty).length);

		var big = data(200000, 7);
		var zbig = Compress.run(big, 9);
		Sys.println("big smaller=" + (zbig.length < big.length));
		var back = Uncompress.run(zbig, 1000); // many small output chunks
		Sys.println("big roundtrip=" + (back.compare(big) == 0) + " len=" + back.length);

		// Streaming compression: input in pieces with NO flush, then SYNC, then FINISH.
		var c = new Compress(6);
		var out = Bytes.alloc(300000);
		var inPos = 0, outPos = 0, calls = 0;
		c.setFlushMode(FlushMode.NO);
		while (inPos < 100000) {
			var piece = Bytes.alloc(10000);
			piece.blit(0, big, inPos, 10000);
			var r = c.execute(piece, 0, out, outPos);
			inPos += r.read;
			outPos += r.write;
			calls++;
		}
		c.setFlushMode(FlushMode.SYNC);
		var rs = c.execute(Bytes.alloc(0), 0, out, outPos);
		outPos += rs.write;
		c.setFlushMode(FlushMode.FINISH);
		var rest = big.sub(100000, 100000);
		var rf = c.execute(rest, 0, out, outPos);
		outPos += rf.write;
		c.close();
		Sys.println("stream pieces=" + calls + " read all=" + (inPos == 100000 && rf.read == 100000) + " done=" + rf.done + " sync done=" + rs.done);
		var streamed = out.sub(0, outPos);
		var sback = Uncompress.run(streamed);
		Sys.println("stream roundtrip=" + (sback.compare(big) == 0) + " len=" + sback.length);

		// Streaming decompression from a position, output in a fixed buffer.
		var u = new Uncompress();
		var dst = Bytes.alloc(big.length);
		var src = Bytes.alloc(zbig.length + 5);
		src.blit(5, zbig, 0, zbig.length);
		var ru = u.execute(src, 5, dst, 0);
		u.close();
		Sys.println("execute at offset done=" + ru.done + " read=" + (ru.read == zbig.length) + " write=" + ru.write + " same=" + (dst.compare(big) == 0));

		// Output space exhausted: partial results, then continue.
		var u2 = new Uncompress();
		u2.setFlushMode(FlushMode.SYNC);
		var part = Bytes.alloc(5000);
		var r1 = u2.execute(zbig, 0, part, 0);
		Sys.println("partial done=" + r1.done + " write=" + r1.write);
		var acc = new haxe.io.BytesBuffer();
		acc.addBytes(part, 0, r1.write);
		var pos = r1.read;
		var done = r1.done;
		while (!done) {
			var r = u2.execute(zbig, pos, part, 0);
			acc.addBytes(part, 0, r.write);
			pos += r.read;
			done = r.done;
		}
		u2.close();
		Sys.println("continued roundtrip=" + (acc.getBytes().compare(big) == 0) + " consumed all=" + (pos == zbig.length));

		// Zip archive: stored and deflated entries through Writer, Reader and Tools.
		var entries = new haxe.ds.List<haxe.zip.Entry>();
		var files = [["a.txt", "plain stored text"], ["dir/b.txt", big.sub(0, 5000).toString()], ["c.bin", ""]]; // an empty entry stays stored: inflating into Bytes.alloc(0) (null) fails, as in HashLink
		for (f in files) {
			var b = Bytes.ofString(f[1]);
			var e:haxe.zip.Entry = {
				fileName: f[0],
				fileSize: b.length,
				fileTime: new Date(2020, 0, 2, 3, 4, 6),
				compressed: false,
				dataSize: b.length,
				data: b,
				crc32: haxe.crypto.Crc32.make(b)
			};
			if (f[0] == "dir/b.txt")
				haxe.zip.Tools.compress(e, 6);
			entries.add(e);
		}
		var o = new haxe.io.BytesOutput();
		new haxe.zip.Writer(o).write(entries);
		var archive = o.getBytes();
		var read = haxe.zip.Reader.readZip(new haxe.io.BytesInput(archive));
		var i = 0;
		for (e in read) {
			var wasCompressed = e.compressed;
			var content = haxe.zip.Reader.unzip(e);
			Sys.println("entry " + e.fileName + " compressed=" + wasCompressed + " size=" + e.fileSize + " same=" + (content.toString() == files[i][1])
				+ " crc ok=" + (e.crc32 == haxe.crypto.Crc32.make(content)));
			i++;
		}
		var e2:haxe.zip.Entry = {fileName: "t", fileSize: text.length, fileTime: new Date(2020, 0, 2, 3, 4, 6), compressed: false, dataSize: text.length,
			data: text, crc32: null};
		haxe.zip.Tools.compress(e2, 9);
		haxe.zip.Tools.uncompress(e2);
		Sys.println("Tools round trip=" + (e2.data.compare(text) == 0) + " compressed=" + e2.compressed);

		// Errors.
		try {
			Uncompress.run(Bytes.ofString("not zlib data at all"));
			Sys.println("garbage: no error");
		} catch (e:Dynamic) {
			Sys.println("garbage throws=" + e);
		}
		try {
			new Compress(42);
			Sys.println("level 42: no error");
		} catch (e:Dynamic) {
			Sys.println("level 42 throws=" + e);
		}
		var cut = zbig.sub(0, 100);
		var u3 = new Uncompress();
		var r3 = u3.execute(cut, 0, Bytes.alloc(1000000), 0);
		u3.close();
		Sys.println("truncated done=" + r3.done + " read=" + r3.read);
	}
}
