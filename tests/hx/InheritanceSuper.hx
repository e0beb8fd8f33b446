// Inheritance: overrides, super calls in methods and constructors, virtual dispatch, deep chains, Std.isOfType.
class Animal {
	public var name:String;
	public var sounds:Int = 0;

	public function new(name:String) {
		this.name = name;
		Sys.println("Animal.new(" + name + ")");
	}

	public function speak():String {
		sounds++;
		return name + " makes a sound";
	}

	public function describe():String {
		return "Animal " + name + " says: " + speak();
	}

	public function legs():Int {
		return 4;
	}
}

class Dog extends Animal {
	public var breed:String;

	public function new(name:String, breed:String) {
		super(name);
		this.breed = breed;
		Sys.println("Dog.new(" + breed + ")");
	}

	override public function speak():String {
		return super.speak() + " (woof)";
	}
}

class Puppy extends Dog {
	public function new(name:String) {
		super(name, "mixed");
	}

	override public function speak():String {
		return "tiny " + super.speak();
	}

	override public function describe():String {
		return "Puppy! " + super.describe();
	}
}

class Bird extends Animal {
	override public function legs():Int {
		return 2;
	}

	override public function speak():String {
		return name + " tweets";
	}
}

class Base {
	public function new() {
		Sys.println("Base ctor calls hook=" + hook());
	}

	public function hook():String {
		return "base";
	}
}

class Derived extends Base {
	var value:String = "init";

	public function new() {
		super();
		Sys.println("Derived ctor value=" + value);
	}

	override public function hook():String {
		return "derived value=" + value;
	}
}

class InheritanceSuper {
	static function main() {
		var animals:Array<Animal> = [new Animal("generic"), new Dog("rex", "lab"), new Puppy("bit"), new Bird("tweety")];
		for (a in animals)
			Sys.println("speak=" + a.speak() + " legs=" + a.legs());
		for (a in animals)
			Sys.println("describe=" + a.describe());
		Sys.println("sounds=" + [for (a in animals) a.sounds]);
		var p:Animal = animals[2];
		Sys.println("puppy is Dog=" + Std.isOfType(p, Dog) + " is Puppy=" + Std.isOfType(p, Puppy) + " is Bird=" + Std.isOfType(p, Bird));
		var d = Std.downcast(p, Dog);
		Sys.println("downcast breed=" + (d == null ? "null" : d.breed));
		var b = Std.downcast(p, Bird);
		Sys.println("downcast to Bird is null=" + (b == null));
		new Derived();
		Sys.println("superclass of Puppy=" + Type.getClassName(Type.getSuperClass(Puppy)));
		Sys.println("class of animals[1]=" + Type.getClassName(Type.getClass(animals[1])));
	}
}
