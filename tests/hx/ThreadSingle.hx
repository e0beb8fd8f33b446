// sys.thread in one thread: recursive Mutex and tryAcquire, Lock counting with timeouts (0, short, released before), Tls per slot, Deque add/push/pop order and non-blocking pop, Thread.current identity, the main thread's event loop (run, repeat, cancel, promise), haxe.Timer.delay/Timer order and haxe.MainLoop after main returns (starting a thread is not covered: hlffi does not run Haxe threads yet).
// hx-flags: -D hl-ver=1.11.0
import sys.thread.*;

class ThreadSingle {
	static var log:Array<String> = [];

	static function main() {
		var m = new Mutex();
		m.acquire();
		m.acquire();
		Sys.println("mutex tryAcquire while held=" + m.tryAcquire());
		m.release();
		m.release();
		m.release();
		Sys.println("mutex tryAcquire free=" + m.tryAcquire());
		m.release();

		var l = new Lock();
		var t0 = Sys.time();
		Sys.println("lock wait(0)=" + l.wait(0) + " wait(0.05)=" + l.wait(0.05) + " waited>=0.04=" + (Sys.time() - t0 >= 0.04));
		l.release();
		l.release();
		Sys.println("lock after 2 releases=" + l.wait(0) + " " + l.wait(1) + " " + l.wait(0));

		var tls1 = new Tls<String>(), tls2 = new Tls<Int>();
		Sys.println("tls initial=" + tls1.value + " " + tls2.value);
		tls1.value = "one";
		tls2.value = 2;
		Sys.println("tls set=" + tls1.value + " " + tls2.value);

		var d = new Deque<Int>();
		d.add(1);
		d.add(2);
		d.push(0);
		d.push(-1);
		Sys.println("deque pops=" + [for (i in 0...4) d.pop(false)].join(",") + " empty=" + d.pop(false));
		for (i in 0...100)
			d.add(i);
		var sum = 0;
		for (i in 0...100)
			sum += d.pop(true);
		Sys.println("deque many sum=" + sum);

		var cur = Thread.current();
		Sys.println("current identity=" + (cur == Thread.current()));
		cur.sendMessage("hello");
		cur.sendMessage(42);
		Sys.println("messages=" + Thread.readMessage(false) + " " + Thread.readMessage(true) + " none=" + Thread.readMessage(false));

		var events = cur.events;
		// timed events are 100 ms or more apart so that a loaded machine cannot reorder them
		events.run(() -> log.push("run 1"));
		events.run(() -> log.push("run 2"));
		var count = 0;
		var rep:EventLoop.EventHandler = null;
		rep = events.repeat(() -> {
			count++;
			log.push("repeat " + count);
			if (count == 3)
				events.cancel(rep);
		}, 30);
		events.promise();
		haxe.Timer.delay(() -> {
			log.push("delay 400");
			events.runPromised(() -> log.push("promised"));
		}, 400);
		haxe.Timer.delay(() -> log.push("delay 500"), 500);
		var timer = new haxe.Timer(150);
		var ticks = 0;
		timer.run = () -> {
			ticks++;
			if (ticks == 2) {
				timer.stop();
				log.push("timer stopped after 2");
			}
		};
		var me = haxe.MainLoop.add(() -> {});
		me.stop();
		haxe.Timer.delay(() -> {
			log.push("delay 700");
			for (x in log)
				Sys.println(x);
		}, 700);
		Sys.println("main returns");
	}
}
