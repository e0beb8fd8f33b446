// Anonymous structures: typedefs, structural subtyping, optional fields, nested structures, field update, arrays of structures.
typedef Person = {
	name:String,
	age:Int,
	?email:String
}

typedef HasName = {
	var name(default, null):String;
}

typedef Rect = {
	var x:Float;
	var y:Float;
	var size:{w:Float, h:Float};
}

class Holder {
	public var name:String;
	public var extra:Int = 9;

	public function new(n:String) {
		name = n;
	}
}

class AnonStructs {
	static function greet(p:HasName):String {
		return "hello " + p.name;
	}

	static function older(p:Person, years:Int):Person {
		return {name: p.name, age: p.age + years, email: p.email};
	}

	static function area(r:Rect):Float {
		return r.size.w * r.size.h;
	}

	static function main() {
		var ann:Person = {name: "ann", age: 30};
		var bob:Person = {name: "bob", age: 25, email: "bob@example.org"};
		Sys.println("ann.name=" + ann.name + " age=" + ann.age + " email=" + ann.email);
		Sys.println("bob.email=" + bob.email);
		ann.age++;
		ann.email = "ann@example.org";
		Sys.println("ann updated=" + ann.age + " " + ann.email);
		var o = older(bob, 10);
		Sys.println("older=" + o.name + " " + o.age + " " + o.email);
		Sys.println("greet person=" + greet(ann) + " greet class=" + greet(new Holder("holder")));
		var r:Rect = {x: 1, y: 2, size: {w: 3, h: 4.5}};
		Sys.println("area=" + area(r));
		r.size.w = 10;
		Sys.println("nested update area=" + area(r));
		var people:Array<Person> = [ann, bob, {name: "cy", age: 19}];
		people.sort((a, b) -> a.age - b.age);
		Sys.println("sorted by age=" + [for (p in people) p.name + ":" + p.age].join(","));
		var point = {x: 1, y: 2};
		var point3 = {x: point.x, y: point.y, z: 3};
		Sys.println("point3 sum=" + (point3.x + point3.y + point3.z));
		var fnStruct = {run: (x:Int) -> x * 2, label: "doubler"};
		Sys.println("function field=" + fnStruct.run(21) + " " + fnStruct.label);
		var small:{x:Int} = point3;
		Sys.println("structural subtype x=" + small.x);
		var holder:{name:String, extra:Int} = new Holder("h2");
		holder.extra += 1;
		Sys.println("class as structure=" + holder.name + " " + holder.extra);
		Sys.println("Reflect.hasField email on cy=" + Reflect.hasField(people[0], "email") + " on bob="
			+ Reflect.hasField(bob, "email"));
		var fields = Reflect.fields(point3);
		fields.sort(Reflect.compare);
		Sys.println("sorted fields=" + fields);
		var maybe:Null<{v:Int}> = null;
		Sys.println("null structure=" + (maybe == null));
	}
}
