// Sys environment and sys.FileSystem in a fresh temporary directory: putEnv/getEnv/environment, getCwd/setCwd, directories (create nested, read, stat, rename, delete), fullPath/absolutePath, Sys.command (status, output order, signals), setTimeLocale, sleep.
import sys.FileSystem;
import sys.io.File;

class SysEnvDirs {
	static var dir:String;

	static function clean(s:String):String {
		return dir == null ? s : StringTools.replace(s, dir, "<tmp>");
	}

	static function attempt(label:String, f:Void->String) {
		var r = try f() catch (e:Dynamic) "throws " + clean(Std.string(e));
		Sys.println(label + "=" + r);
	}

	static function sorted(a:Array<String>):Array<String> {
		a.sort(Reflect.compare);
		return a;
	}

	static function main() {
		// environment
		Sys.putEnv("HLFFI_ENVDIRS_A", "alpha é");
		Sys.println("getEnv after putEnv=" + Sys.getEnv("HLFFI_ENVDIRS_A"));
		Sys.println("environment has it=" + Sys.environment().get("HLFFI_ENVDIRS_A"));
		Sys.putEnv("HLFFI_ENVDIRS_A", "");
		Sys.println("set to empty=[" + Sys.getEnv("HLFFI_ENVDIRS_A") + "]");
		Sys.putEnv("HLFFI_ENVDIRS_A", null);
		Sys.println("unset by null=" + Sys.getEnv("HLFFI_ENVDIRS_A") + " in environment=" + Sys.environment().exists("HLFFI_ENVDIRS_A"));
		attempt("putEnv name with =", () -> {
			Sys.putEnv("HLFFI=BAD", "x");
			"ok";
		});
		Sys.putEnv("HLFFI_ENVDIRS_CHILD", "seen by child");

		// temporary directory
		var tmp = Sys.getEnv("TMPDIR");
		if (tmp == null || tmp == "")
			tmp = "/tmp";
		dir = FileSystem.fullPath(tmp) + "/hlffi-envdirs-" + Std.int(Sys.time() * 1000) % 1000000000 + "-" + Std.random(1000000);
		FileSystem.createDirectory(dir + "/a/b/c");
		Sys.println("nested created=" + FileSystem.isDirectory(dir + "/a/b/c"));
		FileSystem.createDirectory(dir + "/a/b");
		Sys.println("createDirectory existing ok=" + FileSystem.isDirectory(dir + "/a/b"));

		// current directory
		var cwd = Sys.getCwd();
		Sys.println("getCwd trailing slash=" + StringTools.endsWith(cwd, "/"));
		Sys.setCwd(dir);
		Sys.println("after setCwd=" + clean(Sys.getCwd()));
		File.saveContent("rel.txt", "relative");
		Sys.println("relative file exists=" + FileSystem.exists(dir + "/rel.txt") + " fullPath=" + clean(FileSystem.fullPath("rel.txt")));
		Sys.println("fullPath of a/b/../b/c=" + clean(FileSystem.fullPath("a/b/../b/c")));
		Sys.println("fullPath missing=" + FileSystem.fullPath("no-such-entry"));
		Sys.println("absolutePath=" + clean(FileSystem.absolutePath("x/y")) + " absolute stays=" + FileSystem.absolutePath("/abs/p"));
		attempt("setCwd missing", () -> {
			Sys.setCwd(dir + "/missing");
			"ok";
		});
		Sys.setCwd(cwd);
		Sys.println("restored cwd=" + (Sys.getCwd() == cwd));

		// directory listing, stat, is_dir
		File.saveContent(dir + "/a/f1.txt", "12345");
		File.saveContent(dir + "/a/f2.txt", "");
		Sys.println("readDirectory a=" + sorted(FileSystem.readDirectory(dir + "/a")));
		Sys.println("readDirectory empty=" + FileSystem.readDirectory(dir + "/a/b/c"));
		attempt("readDirectory missing", () -> "" + FileSystem.readDirectory(dir + "/missing"));
		attempt("readDirectory of a file", () -> "" + FileSystem.readDirectory(dir + "/a/f1.txt"));
		var st = FileSystem.stat(dir + "/a/f1.txt");
		Sys.println("stat size=" + st.size + " regular=" + ((st.mode & 0xF000) == 0x8000) + " nlink=" + st.nlink);
		Sys.println("stat dir mode is dir=" + ((FileSystem.stat(dir + "/a").mode & 0xF000) == 0x4000));
		Sys.println("stat mtime recent=" + (Math.abs(st.mtime.getTime() / 1000 - Sys.time()) < 3600));
		attempt("stat missing", () -> "" + FileSystem.stat(dir + "/missing").size);
		Sys.println("isDirectory file=" + FileSystem.isDirectory(dir + "/a/f1.txt") + " missing=" + FileSystem.isDirectory(dir + "/missing"));
		Sys.println("exists trailing slash=" + FileSystem.exists(dir + "/a/"));
		Sys.println("exists missing=" + FileSystem.exists(dir + "/missing"));

		// rename and delete
		FileSystem.rename(dir + "/a/f2.txt", dir + "/a/b/moved.txt");
		Sys.println("renamed=" + FileSystem.exists(dir + "/a/b/moved.txt") + "," + FileSystem.exists(dir + "/a/f2.txt"));
		FileSystem.rename(dir + "/a/b/c", dir + "/a/c2");
		Sys.println("dir renamed=" + sorted(FileSystem.readDirectory(dir + "/a")));
		attempt("rename missing", () -> {
			FileSystem.rename(dir + "/missing", dir + "/other");
			"ok";
		});
		attempt("deleteDirectory not empty", () -> {
			FileSystem.deleteDirectory(dir + "/a");
			"ok";
		});
		attempt("deleteFile missing", () -> {
			FileSystem.deleteFile(dir + "/missing");
			"ok";
		});
		attempt("deleteFile on a directory", () -> {
			FileSystem.deleteFile(dir + "/a/c2");
			"ok";
		});

		// commands: exit status, output order, arguments quoting, signals, environment
		Sys.println("before command");
		Sys.println("command exit 0=" + Sys.command("echo from-command"));
		Sys.println("command exit 3=" + Sys.command("exit 3"));
		Sys.println("command with args=" + Sys.command("printf", ["[%s][%s]\\n", "a b", "it's"]));
		Sys.println("command stderr=" + Sys.command("echo to-stderr 1>&2; echo to-stdout"));
		Sys.println("command sees putEnv=" + Sys.command("test \"$HLFFI_ENVDIRS_CHILD\" = \"seen by child\""));
		Sys.println("command killed by signal 9=" + Sys.command("kill -9 $$"));
		Sys.println("command not found=" + Sys.command("hlffi-surely-missing-command 2>/dev/null"));
		Sys.println("command in cwd=" + Sys.command("test -d \"" + dir + "/a\""));

		// locale and sleep
		Sys.println("setTimeLocale C=" + Sys.setTimeLocale("C") + " bogus=" + Sys.setTimeLocale("hlffi_NO_SUCH_LOCALE"));
		var t0 = Sys.time();
		Sys.sleep(0.05);
		Sys.println("slept at least 40ms=" + (Sys.time() - t0 >= 0.04));
		Sys.sleep(-1);
		Sys.sleep(0);
		Sys.println("negative and zero sleep return");
		Sys.println("programPath ends with .hl=" + StringTools.endsWith(Sys.programPath(), ".hl"));

		// clean up
		removeTree(dir);
		Sys.println("cleaned=" + !FileSystem.exists(dir));
	}

	static function removeTree(path:String) {
		for (e in FileSystem.readDirectory(path)) {
			var full = path + "/" + e;
			if (FileSystem.isDirectory(full))
				removeTree(full);
			else
				FileSystem.deleteFile(full);
		}
		FileSystem.deleteDirectory(path);
	}
}
