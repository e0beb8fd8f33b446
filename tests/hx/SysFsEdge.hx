// sys.FileSystem and sys.io.File edge cases in a fresh temporary directory: Unicode and blank file names, empty and non-empty directory deletion, rename over an existing file, operations on missing paths and on the wrong kind (File.getContent of a directory crashes HashLink: not covered), trailing slashes, large and binary files, seek past the end, CRLF and unterminated lines, readAll/readUntil, absolutePath/normalize.
import haxe.io.Bytes;
import sys.FileSystem;
import sys.io.File;

class SysFsEdge {
	static var dir:String;

	static function p(name:String)
		return dir + "/" + name;

	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:haxe.io.Eof) "Eof" catch (e:haxe.io.Error) "Error." + e catch (e:Dynamic) "throws "
			+ StringTools.replace(Std.string(e), dir, "<tmp>");
		Sys.println(label + " = " + r);
	}

	static function sortedDir(d:String) {
		var a = FileSystem.readDirectory(d);
		a.sort(Reflect.compare);
		return a.join(",");
	}

	static function main() {
		var tmp = Sys.getEnv("TMPDIR");
		if (tmp == null || tmp == "")
			tmp = "/tmp";
		dir = tmp + "/hlffi-sysfsedge-" + Std.int(Sys.time() * 1000) % 1000000000 + "-" + Std.random(1000000);
		FileSystem.createDirectory(dir);

		attempt("unicode name", () -> {
			File.saveContent(p("é😀 name.txt"), "unicode");
			return FileSystem.exists(p("é😀 name.txt")) + " " + File.getContent(p("é😀 name.txt")) + " listed=" + sortedDir(dir);
		});
		attempt("blank name", () -> {
			File.saveContent(p(" "), "blank");
			return File.getContent(p(" "));
		});
		attempt("empty dir listing", () -> {
			FileSystem.createDirectory(p("empty"));
			return "[" + sortedDir(p("empty")) + "]";
		});
		attempt("nested create", () -> {
			FileSystem.createDirectory(p("a/b/c/d"));
			return FileSystem.isDirectory(p("a/b/c/d"));
		});
		attempt("create existing dir", () -> {
			FileSystem.createDirectory(p("a/b"));
			return "ok";
		});
		attempt("create over a file", () -> {
			FileSystem.createDirectory(p(" "));
			return "ok";
		});
		attempt("delete non-empty dir", () -> {
			FileSystem.deleteDirectory(p("a"));
			return "ok";
		});
		attempt("delete dir as file", () -> {
			FileSystem.deleteFile(p("empty"));
			return "ok";
		});
		attempt("delete file as dir", () -> {
			FileSystem.deleteDirectory(p(" "));
			return "ok";
		});
		attempt("delete missing file", () -> {
			FileSystem.deleteFile(p("missing"));
			return "ok";
		});
		attempt("rename over existing", () -> {
			File.saveContent(p("src.txt"), "source");
			File.saveContent(p("dst.txt"), "destination");
			FileSystem.rename(p("src.txt"), p("dst.txt"));
			return FileSystem.exists(p("src.txt")) + " " + File.getContent(p("dst.txt"));
		});
		attempt("rename missing", () -> {
			FileSystem.rename(p("nothing"), p("other"));
			return "ok";
		});
		attempt("rename dir into itself", () -> {
			FileSystem.rename(p("a"), p("a/b/x"));
			return "ok";
		});
		attempt("stat missing", () -> FileSystem.stat(p("missing")).size);
		attempt("stat dir isDirectory", () -> FileSystem.isDirectory(p("a")) + " file=" + FileSystem.isDirectory(p("dst.txt")) + " missing="
			+ FileSystem.isDirectory(p("missing")));
		attempt("trailing slash", () -> FileSystem.exists(p("a/")) + " " + FileSystem.isDirectory(p("a/")) + " " + FileSystem.exists(p("dst.txt/")));
		attempt("read dir of file", () -> FileSystem.readDirectory(p("dst.txt")));
		attempt("read missing dir", () -> FileSystem.readDirectory(p("missing")));
		attempt("getContent missing", () -> File.getContent(p("missing")));
		attempt("getBytes missing", () -> File.getBytes(p("missing")));
		attempt("copy to missing dir", () -> {
			File.copy(p("dst.txt"), p("nodir/x.txt"));
			return "ok";
		});
		attempt("copy missing", () -> {
			File.copy(p("missing"), p("x.txt"));
			return "ok";
		});
		attempt("large file", () -> {
			var big = Bytes.alloc(3 * 1024 * 1024 + 7);
			for (i in 0...big.length)
				big.set(i, (i * 31) & 0xFF);
			File.saveBytes(p("big.bin"), big);
			var back = File.getBytes(p("big.bin"));
			return back.length + " same=" + (back.compare(big) == 0) + " stat=" + FileSystem.stat(p("big.bin")).size;
		});
		attempt("binary zeros", () -> {
			File.saveBytes(p("zeros.bin"), Bytes.ofHex("00010000ff00"));
			return File.getBytes(p("zeros.bin")).toHex() + " content length=" + File.getContent(p("zeros.bin")).length;
		});
		attempt("seek past end", () -> {
			var o = File.write(p("hole.bin"));
			o.writeString("ab");
			o.seek(10, SeekBegin);
			o.writeString("z");
			o.close();
			return File.getBytes(p("hole.bin")).toHex();
		});
		attempt("seek modes", () -> {
			File.saveContent(p("seek.txt"), "0123456789");
			var i = File.read(p("seek.txt"));
			i.seek(-3, SeekEnd);
			var a = i.readString(1);
			i.seek(-5, SeekCur);
			var b = i.readString(2);
			i.seek(0, SeekBegin);
			var c = i.readString(1);
			var t = i.tell();
			i.close();
			return a + b + c + " tell=" + t;
		});
		attempt("crlf lines", () -> {
			File.saveContent(p("crlf.txt"), "one\r\ntwo\n\r\nlast");
			var i = File.read(p("crlf.txt"));
			var lines = [];
			try {
				while (true)
					lines.push("[" + i.readLine() + "]");
			} catch (e:haxe.io.Eof) {}
			i.close();
			return lines.join("");
		});
		attempt("readAll and readUntil", () -> {
			File.saveContent(p("ru.txt"), "key=value;rest");
			var i = File.read(p("ru.txt"));
			var k = i.readUntil("=".code);
			var rest = i.readAll().toString();
			i.close();
			return k + " | " + rest;
		});
		attempt("read at eof", () -> {
			File.saveContent(p("e.txt"), "x");
			var i = File.read(p("e.txt"));
			i.readByte();
			var eof = i.eof();
			var r = try Std.string(i.readByte()) catch (e:haxe.io.Eof) "Eof";
			var after = i.eof();
			i.close();
			return eof + " " + r + " eof now=" + after;
		});
		attempt("append twice", () -> {
			var o = File.append(p("app.txt"));
			o.writeString("a");
			o.close();
			o = File.append(p("app.txt"));
			o.writeString("b");
			o.close();
			return File.getContent(p("app.txt"));
		});
		attempt("absolutePath", () -> {
			var old = Sys.getCwd();
			Sys.setCwd(dir);
			var r = StringTools.replace(FileSystem.absolutePath("x/../y/./z.txt"), dir, "<tmp>") + " "
				+ StringTools.replace(FileSystem.fullPath("a/b/../b"), dir, "<tmp>") + " " + FileSystem.fullPath("missing/thing");
			Sys.setCwd(old);
			return r;
		});
		attempt("Path.normalize", () -> haxe.io.Path.normalize("/a//b/../c/./d/") + " " + haxe.io.Path.normalize("../x/..") + " "
			+ haxe.io.Path.join(["a", "", "b/", "/c"]));

		// clean up
		function rm(d:String) {
			for (n in FileSystem.readDirectory(d)) {
				var q = d + "/" + n;
				if (FileSystem.isDirectory(q))
					rm(q);
				else
					FileSystem.deleteFile(q);
			}
			FileSystem.deleteDirectory(d);
		}
		rm(dir);
		Sys.println("cleaned=" + !FileSystem.exists(dir));
	}
}
