// sys.io.Process and Sys.command beyond the basics: arguments with quotes, blanks, $, backslashes and UTF-8 reaching the child untouched, output larger than a pipe buffer, both pipes filled at once, binary output with NUL bytes, exit codes 0..255 and by signal, readLine over CRLF, stdin written in chunks, Sys.command with an argument array, the environment and cwd a child inherits.
import sys.io.Process;

class ProcessEdge {
	static function main() {
		var args = ["plain", "two words", "quote\"d", "single'q", "dollar$HOME", "back\\slash", "é😀", "", "-n", "*"];
		var p = new Process("printf", ["[%s]\\n"].concat(args));
		Sys.println("args=" + StringTools.replace(p.stdout.readAll().toString(), "\n", " ") + " exit=" + p.exitCode());
		p.close();

		p = new Process("sh", ["-c", "head -c 300000 /dev/zero | tr '\\0' 'x'"]);
		var big = p.stdout.readAll();
		Sys.println("big output=" + big.length + " last=" + big.get(big.length - 1) + " exit=" + p.exitCode());
		p.close();

		// both streams exceed a pipe buffer: reading one to the end must not deadlock the child on the other
		p = new Process("sh", ["-c", "head -c 100000 /dev/zero >&2; echo done"]);
		var err = p.stderr.readAll();
		var out = p.stdout.readAll().toString();
		Sys.println("stderr=" + err.length + " stdout=" + StringTools.trim(out) + " exit=" + p.exitCode());
		p.close();

		p = new Process("printf", ["a\\000b\\377c"]);
		Sys.println("binary=" + p.stdout.readAll().toHex());
		p.close();

		for (code in [0, 1, 2, 127, 128, 255, 256]) {
			p = new Process("sh", ["-c", "exit " + code]);
			Sys.println("exit " + code + " -> " + p.exitCode());
			p.close();
		}
		p = new Process("sh", ["-c", "kill -TERM $$"]);
		Sys.println("killed by TERM -> " + p.exitCode());
		p.close();

		p = new Process("printf", ["l1\\r\\nl2\\nl3"]);
		var lines = [];
		try {
			while (true)
				lines.push("[" + p.stdout.readLine() + "]");
		} catch (e:haxe.io.Eof) {}
		Sys.println("lines=" + lines.join(""));
		p.close();

		p = new Process("wc", ["-c"]);
		var chunk = haxe.io.Bytes.alloc(10000);
		chunk.fill(0, chunk.length, "y".code);
		for (i in 0...20)
			p.stdin.write(chunk);
		p.stdin.close();
		Sys.println("wc of stdin=" + StringTools.trim(p.stdout.readAll().toString()));
		p.close();

		Sys.putEnv("HLFFI_PROCESS_EDGE", "inherited value");
		p = new Process("sh", ["-c", "echo \"$HLFFI_PROCESS_EDGE\""]);
		Sys.println("env=" + StringTools.trim(p.stdout.readAll().toString()));
		p.close();

		var old = Sys.getCwd();
		Sys.setCwd("/");
		p = new Process("pwd", []);
		Sys.println("cwd=" + StringTools.trim(p.stdout.readAll().toString()));
		p.close();
		Sys.setCwd(old);

		Sys.println("command status=" + Sys.command("sh", ["-c", "exit 5"]) + " " + Sys.command("true") + " " + Sys.command("false"));
		Sys.println("command quoting=" + Sys.command("test", ["a b", "=", "a b"]) + " " + Sys.command("test", ["$x", "=", "$x"]));
		p = new Process("sh", ["-c", "echo $0 $#", "zero", "one", "two"]);
		Sys.println("sh args=" + StringTools.trim(p.stdout.readAll().toString()));
		p.close();
		p = new Process("echo unquoted   $HLFFI_PROCESS_EDGE | tr a-z A-Z");
		Sys.println("shell string=" + StringTools.trim(p.stdout.readAll().toString()));
		p.close();
	}
}
