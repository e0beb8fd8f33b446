// Verifier corpus: language corners with their own code shapes in genhl: rest arguments, try/throw
// as expressions, enum abstracts, @:arrayAccess, haxe.ds.Vector, recursive local functions, dynamic
// functions replaced at run time, inline constructors, closures capturing `this` and loop variables.
import haxe.ds.Vector;

enum abstract Color(Int) to Int { var Red = 1; var Green = 2; var Blue = 4; }

abstract Grid(Array<Int>) {
    public function new(n:Int) this = [for (i in 0...n) i];
    @:arrayAccess public inline function get(i:Int):Int return this[i];
    @:arrayAccess public inline function set(i:Int, v:Int):Int return this[i] = v;
}

class Pt { public var x:Float; public var y:Float; public inline function new(x, y) { this.x = x; this.y = y; } }

class Counter {
    public var n = 0;
    public function new() {}
    public dynamic function step(k:Int):Int return n += k;
    public function makeAdders():Array<Void->Int> {
        var out = [];
        for (i in 0...3) out.push(() -> { n += i; return n; });
        return out;
    }
}

class LangCorners {
    static final LIMIT = 10;
    static function sum(...xs:Int):Int { var t = 0; for (x in xs) t += x; return t; }
    static function names(prefix:String, ...rest:String):String return prefix + rest.toArray().join(",");
    static function classify(v:Dynamic):String {
        return switch (Type.typeof(v)) {
            case TInt: "int"; case TFloat: "float"; case TBool: "bool"; case TNull: "null";
            case TClass(c): Type.getClassName(c); case TEnum(e): Type.getEnumName(e);
            case TFunction: "fn"; case TObject: "obj"; case TUnknown: "?";
        }
    }
    static function main() {
        var s = sum(1, 2, 3) + sum() + sum(...[4, 5]);
        var nm = names("p", "a", "b");
        var v = try Std.parseInt("12") catch (e:Dynamic) -1;
        var w:Int = if (s > 100) throw "big" else s;
        var c:Color = Green;
        var mask = (c : Int) | Blue;
        var g = new Grid(4);
        g[2] = g[1] + 7;
        var vec = new Vector<Float>(3);
        vec[0] = 1.5;
        var vi = new Vector<Int>(2);
        vi[1] = vi[0] + 1;
        function fib(n:Int):Int return n < 2 ? n : fib(n - 1) + fib(n - 2);
        var cnt = new Counter();
        cnt.step = k -> cnt.n -= k;
        cnt.step(2);
        var adders = cnt.makeAdders();
        for (f in adders) f();
        var p = new Pt(1, 2);
        p.x += p.y;
        var str = switch (nm) { case "pa,b": "yes"; case _: "no"; };
        var m = [for (i in 0...3) i => "v" + i];
        var total = 0;
        for (k => val in m) total += k + val.length;
        trace(s, nm, v, w, mask, g[2], vec[0], vi[1], fib(10), cnt.n, p.x, str, total, LIMIT);
        trace(classify(1), classify(1.5), classify(true), classify(null), classify(cnt), classify(Red), classify(fib), classify({a: 1}));
    }
}
