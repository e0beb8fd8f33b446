// sys.io.File/FileInput/FileOutput in a fresh temporary directory: save/get content and bytes, append, update with seek, readLine/readByte/readBytes, eof, tell, copy, errors, closed handles, stdout.
import haxe.io.Bytes;
import sys.FileSystem;
import sys.io.File;
import sys.io.FileSeek;

class SysFiles {
	static var dir:String;

	static function p(name:String):String {
		return dir + "/" + name;
	}

	// Errors mention the unique directory: hide it.
	static function clean(s:String):String {
		return StringTools.replace(s, dir, "<tmp>");
	}

	static function attempt(label:String, f:Void->String) {
		var r = try f() catch (e:haxe.io.Eof) "Eof" catch (e:haxe.io.Error) "Error." + e catch (e:Dynamic) "throws " + clean(Std.string(e));
		Sys.println(label + "=" + r);
	}

	static function main() {
		var tmp = Sys.getEnv("TMPDIR");
		if (tmp == null || tmp == "")
			tmp = "/tmp";
		dir = tmp + "/hlffi-sysfiles-" + Std.int(Sys.time() * 1000) % 1000000000 + "-" + Std.random(1000000);
		FileSystem.createDirectory(dir);
		Sys.println("dir created=" + FileSystem.isDirectory(dir));

		// text content, UTF-8 both ways
		var text = "line one\nligne deux é\nemoji 😀\nlast";
		File.saveContent(p("a.txt"), text);
		Sys.println("getContent equal=" + (File.getContent(p("a.txt")) == text));
		var b = File.getBytes(p("a.txt"));
		Sys.println("getBytes length=" + b.length + " first=" + b.get(0) + " utf8 ok=" + (b.toString() == text));
		Sys.println("stat size=" + FileSystem.stat(p("a.txt")).size);

		// line reading
		var input = File.read(p("a.txt"), false);
		var lines = [];
		try {
			while (true)
				lines.push(input.readLine());
		} catch (e:haxe.io.Eof) {
			lines.push("<eof>");
		}
		input.close();
		Sys.println("readLine=" + lines.join("|"));

		// bytes: every value, partial reads, seek/tell, eof
		var all = Bytes.alloc(256);
		for (i in 0...256)
			all.set(i, 255 - i);
		File.saveBytes(p("bin.dat"), all);
		var fin = File.read(p("bin.dat"));
		Sys.println("readByte=" + fin.readByte() + "," + fin.readByte() + " tell=" + fin.tell());
		var buf = Bytes.alloc(10);
		var n = fin.readBytes(buf, 2, 5);
		Sys.println("readBytes n=" + n + " buf=" + buf.toHex());
		fin.seek(-3, SeekEnd);
		Sys.println("after seek end-3 tell=" + fin.tell() + " byte=" + fin.readByte() + " eof=" + fin.eof());
		fin.readByte();
		fin.readByte();
		attempt("readByte past end", () -> "" + fin.readByte());
		Sys.println("eof after end=" + fin.eof());
		fin.seek(100, SeekBegin);
		Sys.println("seek begin 100 byte=" + fin.readByte());
		fin.seek(10, SeekCur);
		Sys.println("seek cur +10 tell=" + fin.tell() + " byte=" + fin.readByte());
		attempt("readAll rest length", () -> "" + fin.readAll().length);
		attempt("seek before start", () -> {
			fin.seek(-10, SeekBegin);
			"ok";
		});
		fin.close();
		attempt("read after close", () -> "" + fin.readByte());
		var rb = File.getBytes(p("bin.dat"));
		var same = rb.length == 256;
		for (i in 0...rb.length)
			if (rb.get(i) != 255 - i)
				same = false;
		Sys.println("binary round trip=" + same);

		// append and update
		var out = File.append(p("a.txt"));
		out.writeString("\nappended");
		Sys.println("append tell=" + out.tell());
		out.close();
		Sys.println("after append ends=" + StringTools.endsWith(File.getContent(p("a.txt")), "last\nappended"));
		File.saveContent(p("u.txt"), "0123456789");
		var up = File.update(p("u.txt"));
		up.seek(3, SeekBegin);
		up.writeString("abc");
		up.seek(0, SeekEnd);
		up.writeByte("!".code);
		Sys.println("update tell=" + up.tell());
		up.flush();
		up.close();
		Sys.println("after update=" + File.getContent(p("u.txt")));
		File.update(p("new-by-update.txt")).close();
		Sys.println("update creates=" + FileSystem.exists(p("new-by-update.txt")));
		attempt("write after close", () -> {
			up.writeByte(65);
			"ok";
		});

		// write truncates
		var w = File.write(p("u.txt"), false);
		w.writeString("xy");
		w.close();
		Sys.println("write truncates=" + File.getContent(p("u.txt")));

		// empty files
		File.saveContent(p("empty.txt"), "");
		Sys.println("empty getContent=[" + File.getContent(p("empty.txt")) + "] getBytes length=" + File.getBytes(p("empty.txt")).length);
		var ein = File.read(p("empty.txt"));
		attempt("empty readByte", () -> "" + ein.readByte());
		attempt("empty readLine", () -> ein.readLine());
		ein.close();

		// copy
		File.copy(p("bin.dat"), p("copy.dat"));
		Sys.println("copy equal=" + (File.getBytes(p("copy.dat")).compare(all) == 0));

		// errors
		attempt("getContent missing", () -> File.getContent(p("missing.txt")));
		attempt("getBytes missing", () -> "" + File.getBytes(p("missing.txt")).length);
		attempt("read missing", () -> {
			File.read(p("missing.txt"));
			"ok";
		});
		attempt("write into missing dir", () -> {
			File.write(p("no/such/dir.txt"));
			"ok";
		});
		attempt("append into missing dir", () -> {
			File.append(p("no/such/dir.txt"));
			"ok";
		});

		// many handles left to the collector
		for (i in 0...300) {
			var h = File.read(p("bin.dat"));
			if (i % 100 == 0)
				Sys.println("unclosed handle " + i + " byte=" + h.readByte());
		}

		// standard output through Sys.stdout
		var so = Sys.stdout();
		so.writeString("stdout writeString é\n");
		so.writeByte("Z".code);
		so.writeByte("\n".code);
		so.flush();
		so.write(Bytes.ofString("stdout write bytes\n"));

		// clean up
		for (f in FileSystem.readDirectory(dir))
			FileSystem.deleteFile(p(f));
		FileSystem.deleteDirectory(dir);
		Sys.println("cleaned=" + !FileSystem.exists(dir));
	}
}
