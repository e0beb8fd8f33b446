// Verifier corpus: generics, interfaces, variance (functions passed where other function types are
// expected), abstracts with operators, properties, optional and null arguments, covariant overrides.
interface IShape { function area():Float; var name(get, never):String; }
interface IMore extends IShape { function scale(k:Float):IMore; }
class Base implements IMore {
    public var name(get, never):String;
    function get_name() return "base";
    public function new() {}
    public function area():Float return 1;
    public function scale(k:Float):IMore return this;
    public function self():Base return this;
    public function opt(?a:Int, b:Int = 3, ?c:Float, ?s:String):String return '$a$b$c$s';
}
class Derived extends Base {
    override function get_name() return "derived";
    override public function area():Float return 2;
    override public function self():Derived return this;
    override public function scale(k:Float):Derived return this;
}
@:generic class GenBox<T> { public var v:T; public function new(v:T) this.v = v; public function map<U>(f:T->U):GenBox<U> return new GenBox<U>(f(v)); }
class Pair<A, B> { public var a:A; public var b:B; public function new(a, b) { this.a = a; this.b = b; } }
abstract Meters(Float) from Float to Float {
    @:op(A + B) public static function add(a:Meters, b:Meters):Meters return (a : Float) + (b : Float);
    @:op(A * B) public static function mul(a:Meters, b:Float):Meters return (a : Float) * b;
    @:to public function toString():String return this + "m";
}
abstract Flags(Int) { public inline function new(i) this = i; public inline function has(f:Int) return this & f != 0; }

class TypeQuirks {
    static var counter(default, set):Int = 0;
    static function set_counter(v) return counter = v;
    static function each<T>(a:Array<T>, f:T->Void) for (x in a) f(x);
    static function takesDyn(f:Dynamic->Void) f(1);
    static function takesShape(f:IShape->Float, s:IShape) return f(s);
    static function nullable(?x:Null<Int>, ?y:Null<Float>, ?z:Null<Bool>):Int return x == null ? 0 : x;
    static function main() {
        var d = new Derived();
        var s:IShape = d;
        var m:IMore = d;
        var b:Base = d;
        var areas = [s.area(), m.area(), b.area(), m.scale(2).area(), b.self().area()];
        var n = s.name + m.name;
        var gi = new GenBox(1).map(x -> x * 2.5).map(x -> Std.string(x));
        var p = new Pair(1, "a");
        var pp = new Pair<Null<Int>, Dynamic>(null, p);
        var len:Meters = 3.0;
        var len2 = len + len * 2;
        var fl = new Flags(5);
        counter++;
        counter += 2;
        each([1, 2], x -> counter += x);
        each(["a"], function(x:String) trace(x));
        takesDyn(function(x:Dynamic) trace(x));
        var fi:Int->Void = x -> trace(x);
        var fd:Dynamic->Void = cast fi;
        var area = takesShape(x -> x.area(), d);
        var o1 = b.opt();
        var o2 = b.opt(1, 2, 3.5, "s");
        var nn = nullable() + nullable(5) + nullable(null, 2.5, true);
        var ni:Null<Int> = counter > 3 ? null : 4;
        var sumN = (ni == null ? 0 : ni) + 1;
        var anon = {x: 1, y: 2.5, z: "s", w: [1], f: (a:Int) -> a};
        var anon2:{x:Int, y:Float} = anon;
        var fa = anon.f(2) + anon2.x;
        var strs:Array<String> = ["b", "a"];
        strs.sort(Reflect.compare);
        var cmp = strs[0] < strs[1];
        var iter = [for (k => v in ["a" => 1]) k + v];
        trace(areas, n, gi.v, pp.b, len2, fl.has(4), counter, fd, area, o1, o2, nn, sumN, fa, cmp, iter);
    }
}
