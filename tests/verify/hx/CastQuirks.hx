// Verifier corpus: unchecked and checked casts between unrelated types, references built from
// nullable and dynamic values (genhl takes the reference of a null<T> register for hl.Ref<T>).
class A { public var x = 1; public function new() {} }
class B { public var y = 2.5; public function new() {} }
enum E { One; Two(v:Int); }

class CastQuirks {
    static function incI(r:hl.Ref<Int>) { r.set(r.get() + 1); }
    static function incF(r:hl.Ref<Float>) { r.set(r.get() * 2); }
    static function setD(r:hl.Ref<Dynamic>) { r.set("s"); }
    static function main() {
        var a = new A();
        var b:B = cast a;
        var d:Dynamic = a;
        var b2:B = d;
        var i:Int = cast "12";
        var s:String = cast 12;
        var f:Float = cast d;
        var e:E = cast d;
        var fn:Int->Int = cast d;
        var fn2:Dynamic->Dynamic = cast fn;
        var arr:Array<Int> = cast [1.5, 2.5];
        var arr2:Array<Dynamic> = cast arr;
        var o:{x:Int} = cast b;
        var ab = Std.downcast(d, A);
        var isA = Std.isOfType(d, A);
        var n:Null<Int> = 2;
        incI(n);
        var nf:Null<Float> = null;
        incF(nf);
        var u:UInt = 3;
        incI(u);
        var str = "x";
        setD(str);
        var any:Any = e;
        var back:E = cast any;
        var ev:EnumValue = Two(3);
        var ee:E = cast ev;
        trace(b, b2, i, s, f, e, fn, fn2, arr, arr2, o, ab, isA, n, nf, u, str, back, ee);
    }
}
