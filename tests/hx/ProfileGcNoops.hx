// hl.Profile and hl.Gc tooling natives, no-ops outside HashLink's tools: tracking bits read back, getData() empty with tracking off, dump() writes "Nothing", events, GC flags and stats.
// hx-flags: -D hl-ver=1.11.0
class ProfileGcNoops {
	static function main() {
		// hl.Profile's static initialiser called track_init; the thread tracks every kind, globally nothing.
		Sys.println("threadBits=" + hl.Profile.threadBits.toInt() + " globalBits=" + hl.Profile.globalBits.toInt());
		var f = new haxe.EnumFlags<hl.Profile.TrackKind>();
		f.set(Cast);
		f.set(DynCall);
		hl.Profile.threadBits = f;
		Sys.println("threadBits after set=" + hl.Profile.threadBits.toInt() + " has Cast=" + hl.Profile.threadBits.has(Cast) + " has Alloc="
			+ hl.Profile.threadBits.has(Alloc));
		hl.Profile.threadBits = new haxe.EnumFlags(0xFF);
		Sys.println("threadBits masked=" + hl.Profile.threadBits.toInt());
		hl.Profile.threadBits = new haxe.EnumFlags(0);
		Sys.println("threadBits cleared=" + hl.Profile.threadBits.toInt());
		hl.Profile.threadBits = new haxe.EnumFlags(15);
		// Tracking stays globally off: nothing is recorded, whatever runs.
		var keep = [];
		for (i in 0...100)
			keep.push({v: i, s: "x" + i});
		var d:Dynamic = keep[3];
		Sys.println("dyn field=" + d.v + " len=" + keep.length);
		var data = hl.Profile.getData();
		Sys.println("getData length=" + data.length + " globalBits restored=" + hl.Profile.globalBits.toInt());
		var data2 = hl.Profile.getData(true, false);
		Sys.println("getData sorted length=" + data2.length);
		hl.Profile.setMaxDepth(3);
		hl.Profile.reset();
		hl.Profile.restart();
		hl.Profile.stop();
		Sys.println("after stop globalBits=" + hl.Profile.globalBits.toInt());
		hl.Profile.dump("track.dump");
		Sys.println("dump file=" + StringTools.replace(sys.io.File.getContent("track.dump"), "\n", "\\n"));
		sys.FileSystem.deleteFile("track.dump");
		hl.Profile.event(7);
		hl.Profile.event(-1, "payload");
		hl.Profile.eventBytes(3, haxe.io.Bytes.ofString("abc"));
		hl.Profile.eventBytes(4, null);
		Sys.println("events sent");
		var h = @:privateAccess "hello".bytes.hash();
		Sys.println("field name=" + @:privateAccess String.fromUCS2(hl.Profile.getFieldName(h)));

		// hl.Gc: flags read back, a major collection keeps live data, stats are sane.
		var flags = hl.Gc.flags;
		Sys.println("gc flags initially empty=" + (flags.toInt() == 0));
		hl.Gc.flags = new haxe.EnumFlags(0);
		hl.Gc.major();
		hl.Gc.enable(false);
		var more = [for (i in 0...1000) "s" + i];
		hl.Gc.enable(true);
		hl.Gc.major();
		Sys.println("after major: keep[99].s=" + keep[99].s + " more[999]=" + more[999]);
		var st = hl.Gc.stats();
		Sys.println("stats: allocated>0=" + (st.totalAllocated > 0) + " count>0=" + (st.allocationCount > 0) + " current>0="
			+ (st.currentMemory > 0));
		hl.Gc.blocking(true);
		hl.Gc.blocking(false);
		Sys.println("blocking balanced");
		try {
			hl.Gc.blocking(false);
			Sys.println("unbalanced blocking accepted");
		} catch (e:Dynamic) {
			Sys.println("unbalanced blocking: " + e);
		}
	}
}
