// sys.io.Process: echo through the shell and with args, cat fed through stdin, exit codes, stderr, non-blocking exitCode, kill, writing to a closed stdin, a missing command, a handle left to the finalizer.
import sys.io.Process;

class ProcessUse {
	static function main() {
		// echo through /bin/sh -c (args null)
		var p = new Process("echo hello shell");
		Sys.println("shell stdout: " + StringTools.trim(p.stdout.readAll().toString()));
		Sys.println("shell exit: " + p.exitCode());
		Sys.println("pid positive: " + (p.getPid() > 0));
		p.close();

		// echo with an argument array (no shell: the space stays inside one argument)
		var p = new Process("echo", ["a  b", "c"]);
		Sys.println("args stdout: [" + StringTools.trim(p.stdout.readAll().toString()) + "]");
		Sys.println("args exit: " + p.exitCode());
		p.close();

		// cat fed through stdin
		var p = new Process("cat", []);
		p.stdin.writeString("line one\n");
		p.stdin.writeString("line two\n");
		p.stdin.close();
		var lines = [];
		try {
			while (true)
				lines.push(p.stdout.readLine());
		} catch (e:haxe.io.Eof) {}
		Sys.println("cat lines: " + lines.join("|"));
		Sys.println("cat exit: " + p.exitCode());
		p.close();

		// exit code
		var p = new Process("sh", ["-c", "exit 3"]);
		Sys.println("exit 3: " + p.exitCode());
		p.close();

		// stderr
		var p = new Process("echo to-stderr 1>&2; echo to-stdout");
		Sys.println("stderr: " + StringTools.trim(p.stderr.readAll().toString()));
		Sys.println("stdout: " + StringTools.trim(p.stdout.readAll().toString()));
		Sys.println("stderr exit: " + p.exitCode());
		p.close();

		// non-blocking exitCode on a running process, then kill
		var p = new Process("sleep", ["30"]);
		Sys.println("running: " + (p.exitCode(false) == null));
		p.kill();
		var code = p.exitCode();
		Sys.println("killed code: 0x" + StringTools.hex(code));
		p.close();

		// non-blocking exitCode after the process finished
		var p = new Process("true", []);
		var c:Null<Int> = null;
		while (c == null) {
			c = p.exitCode(false);
			if (c == null)
				Sys.sleep(0.01);
		}
		Sys.println("true exit (non-blocking): " + c);
		p.close();

		// writing to a child that closed its stdin: an Eof, no SIGPIPE
		var p = new Process("exec 0<&-; sleep 0.2");
		Sys.sleep(0.05);
		var big = haxe.io.Bytes.alloc(1 << 16);
		var failed = false;
		try {
			for (i in 0...8)
				p.stdin.write(big);
		} catch (e:haxe.io.Eof) {
			failed = true;
		}
		Sys.println("write to closed stdin failed: " + failed);
		Sys.println("closed-stdin exit: " + p.exitCode());
		p.close();

		// a command that does not exist
		try {
			var p = new Process("no-such-command-hlffi", []);
			Sys.println("missing stderr: " + StringTools.trim(p.stderr.readAll().toString()));
			Sys.println("missing exit: " + p.exitCode());
			p.close();
		} catch (e:Dynamic) {
			Sys.println("missing: creation failure");
		}

		// a process left running and never closed: the VM's finalizer reaps it
		var p = new Process("cat", []);
		p.stdin.writeString("x");
		Sys.println("done");
	}
}
