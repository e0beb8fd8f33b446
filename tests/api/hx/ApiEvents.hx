// The entry point of a program with pending timers: Haxe 4.2.5 appends the main thread's event loop to
// it, which an embedded VM's hlffi_call_entry must not run (the host pumps events).
@:keep
class ApiEvents {
	public static var fired = 0;
	public static var mainDone = false;

	static function main() {
		haxe.Timer.delay(function() fired++, 0);
		haxe.Timer.delay(function() fired++, 60000); // would hold the entry for a minute if the loop ran
		mainDone = true;
	}
}
