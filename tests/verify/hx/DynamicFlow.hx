// Verifier corpus: values typed Dynamic that the analyzer propagates into typed expressions (genhl then
// calls closures of a precise type with dynamic arguments), dynamic arithmetic, fields, arrays, compares.
class Box {
    public var v:Int;
    public var f:Float;
    public var s:String;
    public function new(v) { this.v = v; f = v * 0.5; s = "b" + v; }
    public function get():Int return v;
    public function add(a:Int, b:Float):Float return v + a + b;
    public function name(prefix:String):String return prefix + s;
    public dynamic function dyn(x:Int):Int return x + v;
    public static function stat(x:Int, y:Int):Int return x * y;
    public static function statF(x:Float):Float return x / 2;
    public static function statV(x:Int):Void {}
}

class SubBox extends Box {
    override public function get():Int return v * 2;
    override public function name(prefix:String):String return "sub" + prefix;
}

class DynamicFlow {
    static function id<T>(x:T):T return x;
    static function apply(f:Dynamic, a:Dynamic):Dynamic return f(a);
    static function main() {
        var b = new Box(3);
        var f1:Dynamic = b.get;
        var r1:Int = f1();
        var f2:Dynamic = b.add;
        var r2:Float = f2(1, 2.5);
        var r2b = f2(1);
        var f3:Dynamic = b.name;
        var r3:String = f3("x", "extra");
        var f4:Dynamic = Box.stat;
        var r4 = f4(2, 3);
        var f5:Dynamic = Box.statF;
        var r5:Int = f5(7);
        var f6:Dynamic = Box.statV;
        f6(1);
        var f7:Dynamic = b.dyn;
        var r7 = f7("str");
        var f8:Dynamic = function(x:Int, y:Int) return x - y;
        var r8 = f8(5);
        var f9:Dynamic = (x:Float) -> x > 1.0;
        var r9:Bool = f9(2);
        var sb:Box = new SubBox(4);
        var f10:Dynamic = sb.name;
        var r10 = f10(1);
        var d:Dynamic = b;
        d.v = 10;
        d.f = "no";
        var dv = d.v + 1;
        var ds:String = d.s;
        var dn = d.nothing;
        d.get();
        d.add(1, 2);
        var arr:Dynamic = [1, 2, 3];
        var a0 = arr[0];
        arr[1] = "x";
        var len = arr.length;
        var x:Dynamic = 5;
        var y:Dynamic = 2.5;
        var z = x + y;
        var w = x * y - x / y;
        var cmp = x < y;
        var cmp2 = x > y ? 1 : 2;
        if (x == y) trace("eq");
        if (d == b) trace("same");
        var m = x % 3;
        var sh = x << 2;
        var neg = -x;
        x++;
        var inc = x += 1;
        var fs:Dynamic = id;
        var idr = fs(1);
        var ap = apply(Box.stat, 1);
        var ap2 = apply(b.get, null);
        var o:Dynamic = {a: 1, b: "two", c: [1.5]};
        o.a += 1;
        o.d = o.c[0];
        var fn:Dynamic = o.a;
        trace([r1, r2, r2b, r3, r4, r5, r7, r8, r9, r10, dv, ds, dn, a0, len, z, w, cmp, cmp2, m, sh, neg, inc, idr, ap, ap2, fn]);
        var cls:Dynamic = Box;
        var inst = Type.createInstance(cls, [1]);
        var meth = Reflect.field(inst, "get");
        var rr = Reflect.callMethod(inst, meth, []);
        trace(rr);
    }
}
