// Sys: print/println, args, getEnv of unset and set variables, putEnv, time/cpuTime sanity, systemName, stdout flush.
class SysUse {
	static function main() {
		Sys.print("print without newline;");
		Sys.print(" second part");
		Sys.println("");
		Sys.println("args=" + Sys.args() + " count=" + Sys.args().length);
		Sys.println("getEnv unset=" + Sys.getEnv("HLFFI_TEST_SURELY_UNSET_VARIABLE"));
		Sys.putEnv("HLFFI_TEST_VAR", "value-1");
		Sys.println("getEnv after putEnv=" + Sys.getEnv("HLFFI_TEST_VAR"));
		var t = Sys.time();
		Sys.println("time positive=" + (t > 1.5e9));
		var c = Sys.cpuTime();
		Sys.println("cpuTime non-negative=" + (c >= 0));
		var t2 = Sys.time();
		Sys.println("time monotonic=" + (t2 >= t));
		var name = Sys.systemName();
		Sys.println("systemName known=" + (["Linux", "Windows", "Mac", "BSD"].indexOf(name) >= 0));
		Sys.println("println of values=" + 1 + "," + 2.5 + "," + true + "," + null);
		Sys.println(42);
		Sys.println([1, 2]);
		Sys.print(3.5);
		Sys.print("\n");
		Sys.stdout().writeString("stdout writeString\n");
		Sys.stdout().flush();
		Sys.println("environment is map=" + (Sys.environment() != null));
		Sys.println("done");
	}
}
