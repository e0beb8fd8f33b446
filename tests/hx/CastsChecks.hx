// Casts: checked cast(v, T) success and failure, unsafe cast, Std.downcast, numeric casts, casts through Dynamic.
class Vehicle {
	public var wheels:Int;

	public function new(w:Int) {
		wheels = w;
	}
}

class Car extends Vehicle {
	public function new() {
		super(4);
	}

	public function honk():String {
		return "beep";
	}
}

class Bike extends Vehicle {
	public function new() {
		super(2);
	}
}

class CastsChecks {
	static function tryCast(v:Dynamic):String {
		try {
			var c = cast(v, Car);
			return c == null ? "Car ok (null)" : "Car ok honk=" + c.honk();
		} catch (e:Dynamic) {
			return "cast failed";
		}
	}

	static function main() {
		var vs:Array<Vehicle> = [new Car(), new Bike()];
		Sys.println("checked cast car=" + tryCast(vs[0]));
		Sys.println("checked cast bike=" + tryCast(vs[1]));
		Sys.println("checked cast string=" + tryCast("str"));
		Sys.println("checked cast null=" + tryCast(null));
		var unsafeCar:Car = cast vs[0];
		Sys.println("unsafe cast honk=" + unsafeCar.honk());
		Sys.println("downcast=" + (Std.downcast(vs[0], Car) != null) + "," + (Std.downcast(vs[1], Car) != null));
		var d:Dynamic = 42;
		var i:Int = d;
		var f:Float = d;
		Sys.println("Dynamic int to Int=" + i + " to Float=" + f);
		var df:Dynamic = 2.75;
		var fi:Float = df;
		Sys.println("Dynamic float to Float=" + fi);
		var s:String = cast(d, Int) + "";
		Sys.println("cast(d, Int)=" + s);
		var str:Dynamic = "hello";
		var asString = cast(str, String);
		Sys.println("cast String ok=" + asString.toUpperCase());
		var checked = try {
			cast(str, Int);
			"no error";
		} catch (e:Dynamic) "error";
		Sys.println("cast String to Int=" + checked);
		Sys.println("Std.int=" + Std.int(3.99) + "," + Std.int(-3.99) + "," + Std.int(0.5));
		var big:Float = 1e9;
		Sys.println("Int->Float=" + (7 : Float) + " Float from Int expr=" + (big + 1));
		var arrDyn:Array<Dynamic> = [1, "a", 2.5];
		var back:Array<Int> = cast [1, 2];
		Sys.println("array casts=" + arrDyn.length + "," + back[1]);
		var n:Null<Int> = 5;
		var nn:Int = n;
		var nullInt:Null<Int> = null;
		Sys.println("Null<Int> to Int=" + nn + " null is null=" + (nullInt == null));
		var nf:Null<Float> = 1.25;
		Sys.println("Null<Float> arithmetic=" + (nf + 1));
		var b:Null<Bool> = true;
		Sys.println("Null<Bool>=" + (b ? "yes" : "no"));
		var anyValue:Any = 12;
		var backFromAny:Int = cast anyValue;
		Sys.println("Any round trip=" + backFromAny);
		var obj:{wheels:Int} = vs[1];
		Sys.println("class to structure wheels=" + obj.wheels);
		var viaDyn:Vehicle = (vs[0] : Dynamic);
		Sys.println("Dynamic to class wheels=" + viaDyn.wheels);
	}
}
