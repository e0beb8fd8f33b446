// The bundled example program: a tiny game model that a C host will drive (update calls, a callback
// into C, an exception handled). Today hlffi loads, verifies and disassembles it.
class Game {
	static var score:Int = 0;
	static var entities:Array<Entity> = [];

	public static function main() {
		for (i in 0...3)
			entities.push(new Entity('e$i', i * 10.0));
		for (frame in 0...5)
			update(1 / 60);
		Sys.println('score=$score entities=${entities.length}');
	}

	public static function update(dt:Float):Int {
		for (e in entities) {
			e.move(dt);
			if (e.x > 20)
				score++;
		}
		return score;
	}
}

class Entity {
	public var name:String;
	public var x:Float;

	public function new(name:String, x:Float) {
		this.name = name;
		this.x = x;
	}

	public function move(dt:Float) {
		x += 60 * dt;
	}
}
