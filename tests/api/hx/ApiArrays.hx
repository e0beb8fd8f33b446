// Haxe side of tests/api/test_arrays.c: functions that read, change and build arrays of every element
// type, so that each direction (C -> Haxe, Haxe -> C) is checked by the other side.
@:struct class Vec3 {
	public var x:Single;
	public var y:Single;
	public var z:Single;

	public function new(x:Single, y:Single, z:Single) {
		this.x = x;
		this.y = y;
		this.z = z;
	}
}

class Point {
	public var x:Int;
	public var y:Int;

	public function new(x:Int, y:Int) {
		this.x = x;
		this.y = y;
	}
}

enum Color {
	Red;
	Green;
	Rgb(r:Int, g:Int, b:Int);
}

@:keep
class ApiArrays {
	public static function sumInts(a:Array<Int>):Int {
		var s = 0;
		for (v in a)
			s += v;
		return s;
	}

	public static function sumFloats(a:Array<Float>):Float {
		var s = 0.0;
		for (v in a)
			s += v;
		return s;
	}

	public static function sumSingles(a:Array<Single>):Float {
		var s = 0.0;
		for (v in a)
			s += v;
		return s;
	}

	public static function sumUI16(a:Array<hl.UI16>):Int {
		var s = 0;
		for (v in a)
			s += v;
		return s;
	}

	public static function countTrue(a:Array<Bool>):Int {
		var n = 0;
		for (v in a)
			if (v)
				n++;
		return n;
	}

	public static function sumI64(a:Array<hl.I64>):Float {
		var s:hl.I64 = 0;
		for (v in a)
			s += v;
		return (s : Float);
	}

	public static function joinStrings(a:Array<String>):String {
		return a.join(",");
	}

	public static function describe(a:Array<Dynamic>):String {
		return Std.string(a) + ":" + a.length;
	}

	public static function sumPoints(a:Array<Point>):Int {
		var s = 0;
		for (p in a)
			s += p == null ? 1000 : p.x * 10 + p.y;
		return s;
	}

	public static function colors(a:Array<Color>):String {
		return [for (c in a) Std.string(c)].join(";");
	}

	public static function sumNested(a:Array<Array<Int>>):Int {
		var s = 0;
		for (x in a)
			s += sumInts(x);
		return s;
	}

	// Haxe growing an array C made: C must see the new length and elements.
	public static function pushInts(a:Array<Int>, n:Int):Int {
		for (i in 0...n)
			a.push(i * 3);
		return a.length;
	}

	public static function pushStrings(a:Array<String>, s:String):Int {
		a.push(s);
		a.unshift(s + "0");
		return a.length;
	}

	public static function makeInts(n:Int):Array<Int> {
		return [for (i in 0...n) i * i];
	}

	public static function makeFloats():Array<Float> {
		return [0.5, -2.25, 1e10];
	}

	public static function makeSingles():Array<Single> {
		return [1.5, 2.5];
	}

	public static function makeUI16():Array<hl.UI16> {
		var a:Array<hl.UI16> = [];
		a.push(65535);
		a.push(7);
		return a;
	}

	public static function makeBools():Array<Bool> {
		return [true, false, true];
	}

	public static function makeStrings():Array<String> {
		var a = new Array<String>();
		a.push("héllo");
		a.push(null);
		a.push("z");
		return a;
	}

	public static function makeDyn():Array<Dynamic> {
		return [1, "two", 3.5, null];
	}

	public static function makePoints():Array<Point> {
		return [new Point(1, 2), new Point(3, 4)];
	}

	public static function makeColors():Array<Color> {
		return [Red, Rgb(1, 2, 3)];
	}

	public static function nativeSum(a:hl.NativeArray<Int>):Int {
		var s = 0;
		for (i in 0...a.length)
			s += a[i];
		return s;
	}

	public static function nativeSumF(a:hl.NativeArray<Float>):Float {
		var s = 0.0;
		for (i in 0...a.length)
			s += a[i];
		return s;
	}

	public static function nativeJoin(a:hl.NativeArray<String>):String {
		var b = new StringBuf();
		for (i in 0...a.length)
			b.add(a[i]);
		return b.toString();
	}

	public static function makeNative(n:Int):hl.NativeArray<Int> {
		var a = new hl.NativeArray<Int>(n);
		for (i in 0...n)
			a[i] = i + 100;
		return a;
	}

	public static function sumVecs(a:Array<Vec3>):Float {
		var s = 0.0;
		for (v in a)
			s += v.x + v.y * 10 + v.z * 100;
		return s;
	}

	public static function scaleVecs(a:Array<Vec3>, f:Float):Void {
		for (v in a) {
			v.x *= f;
			v.y *= f;
			v.z *= f;
		}
	}

	public static function sumNativeVecs(a:hl.NativeArray<Vec3>):Float {
		var s = 0.0;
		for (i in 0...a.length)
			s += a[i].x + a[i].y * 10 + a[i].z * 100;
		return s;
	}

	public static function replaceNativeVec(a:hl.NativeArray<Vec3>, i:Int):Void {
		a[i] = new Vec3(9, 9, 9);
	}

	public static function makeVecs(n:Int):Array<Vec3> {
		return [for (i in 0...n) new Vec3(i, i + 0.5, -i)];
	}

	public static function main() {
		// keep the element classes' constructors in use
		sumVecs(makeVecs(1));
		sumPoints(makePoints());
	}
}
