// Sys environment and clocks at the edges: getEnv of unset/empty/Unicode variables, putEnv with null to remove, overwrite, names with '=' refused by the system, environment() agreeing with getEnv, Sys.args empty, time/cpuTime monotonic and consistent with sleep, systemName, getCwd trailing slash, setCwd to missing directory, println of every basic type and of NUL-terminated text.
class SysEnvEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + r);
	}

	static function main() {
		attempt("unset", () -> Sys.getEnv("HLFFI_SURELY_UNSET_VARIABLE"));
		Sys.putEnv("HLFFI_EDGE_EMPTY", "");
		attempt("empty", () -> "[" + Sys.getEnv("HLFFI_EDGE_EMPTY") + "]");
		Sys.putEnv("HLFFI_EDGE_U", "é😀 spaced = value");
		attempt("unicode", () -> Sys.getEnv("HLFFI_EDGE_U") + " len=" + Sys.getEnv("HLFFI_EDGE_U").length);
		Sys.putEnv("HLFFI_EDGE_U", "second");
		attempt("overwrite", () -> Sys.getEnv("HLFFI_EDGE_U"));
		attempt("environment agrees", () -> Sys.environment().get("HLFFI_EDGE_U") + " " + Sys.environment().exists("HLFFI_EDGE_EMPTY") + " PATH="
			+ (Sys.environment().get("PATH") == Sys.getEnv("PATH")));
		Sys.putEnv("HLFFI_EDGE_U", null);
		attempt("removed", () -> Sys.getEnv("HLFFI_EDGE_U") + " " + Sys.environment().exists("HLFFI_EDGE_U"));
		attempt("name with =", () -> {
			Sys.putEnv("HLFFI=BAD", "x");
			return Sys.getEnv("HLFFI=BAD");
		});
		attempt("args", () -> Sys.args().length);
		attempt("systemName", () -> Sys.systemName());
		attempt("clocks", () -> {
			var t0 = Sys.time(), c0 = Sys.cpuTime();
			Sys.sleep(0.05);
			var spin = 0.0;
			for (i in 0...200000)
				spin += Math.sqrt(i);
			var t1 = Sys.time(), c1 = Sys.cpuTime();
			return "wall advanced>=0.04=" + (t1 - t0 >= 0.04) + " cpu advanced=" + (c1 >= c0) + " cpu<wall+1=" + (c1 - c0 < t1 - t0 + 1) + " spin>0="
				+ (spin > 0) + " time plausible=" + (t0 > 1.5e9);
		});
		attempt("sleep zero/negative", () -> {
			var t0 = Sys.time();
			Sys.sleep(0);
			Sys.sleep(-1);
			return Sys.time() - t0 < 0.5;
		});
		attempt("cwd slash", () -> StringTools.endsWith(Sys.getCwd(), "/"));
		attempt("setCwd missing", () -> {
			Sys.setCwd("/definitely/not/a/dir");
			return "changed";
		});
		attempt("Date.now vs time", () -> Math.abs(Date.now().getTime() / 1000 - Sys.time()) < 5);
		attempt("timer stamp", () -> {
			var a = haxe.Timer.stamp();
			var b = haxe.Timer.stamp();
			return b >= a;
		});
		Sys.println(1);
		Sys.println(1.5);
		Sys.println(true);
		Sys.println(null);
		Sys.println([1, "a"]);
		Sys.print("no newline|");
		Sys.print(42);
		Sys.println("");
		Sys.println("before nul" + String.fromCharCode(0) + "after nul");
		Sys.println("after");
		Sys.stdout().writeString("stdout direct\n");
		Sys.stdout().flush();
		Sys.stderr().writeString("stderr is not recorded\n");
		Sys.println("end");
	}
}
