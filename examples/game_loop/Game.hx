// The Haxe side of examples/game_loop: a tiny game world that a C frame loop drives. The host calls
// update(dt) once per frame, is told of every point scored through onScore (a C function), and
// asks for new entities with spawn(), which refuses bad requests by throwing.
class Game {
	// Set by the host to a C callback (hlffi_register_callback + hlffi_get_callback +
	// hlffi_set_static_field). Haxe calls it like any function.
	public static var onScore:Dynamic = null;
	public static var score:Int = 0;

	static var entities:Array<Entity> = [];

	public static function main() {
		entities = [new Entity("ship", 30), new Entity("rock", 20), new Entity("comet", 45)];
		Sys.println('Game.hx: ready with ${entities.length} entities');
	}

	// One frame: every entity moves; one that reaches x = 100 scores and starts again at 0.
	// @:keep: only the host calls it, so -dce full would remove it (docs/embedding.md).
	@:keep public static function update(dt:Float):Int {
		if (dt > 1)
			throw 'update: a frame of $dt s is too long, skipped';
		for (e in entities) {
			e.x += e.speed * dt;
			if (e.x >= 100) {
				e.x -= 100;
				score++;
				if (onScore != null)
					onScore(e.name, score);
			}
		}
		return score;
	}

	// A request from the host that Haxe may refuse: it throws, and the host handles that.
	@:keep public static function spawn(name:String, speed:Float):Int {
		if (speed <= 0)
			throw 'spawn: $name needs a positive speed, got $speed';
		entities.push(new Entity(name, speed));
		return entities.length;
	}
}

class Entity {
	public var name:String;
	public var speed:Float; // units per second
	public var x:Float = 0;

	public function new(name:String, speed:Float) {
		this.name = name;
		this.speed = speed;
	}
}
