// Verifier corpus: comparisons between every pair of types Haxe lets one compare (nullable numbers,
// dynamic against typed values, anonymous structures, enums, functions, classes, strings, types).
enum E { A; B(x:Int); }
class K { public function new() {} }
class L extends K {}

class CompareQuirks {
    static function f() {}
    static function g() {}
    static function main() {
        var ni:Null<Int> = 1, nj:Null<Int> = 2, ii = 3;
        var nf:Null<Float> = 1.5, ff = 2.5;
        var d:Dynamic = 4, e:Dynamic = "s";
        var s = "a", t = "b";
        var o = {x: 1}, p = {x: 2};
        var k = new K(), l:L = new L();
        var en = A, em = B(1);
        var fn = f, gn = g;
        var u:UInt = 5, v:UInt = 6;
        var cl = K, cl2:Class<Dynamic> = L;
        var r = [
            ni < nj, ni <= ii, ni > ii, ni == nj, ni != ii, ni == null,
            nf < ff, nf >= nf, nf == ff, nf != null,
            d < e, d >= ii, d == ii, d != e, d == s, d == o, d == k, d == en, d == fn,
            s < t, s >= t, s == t, s != null,
            o == p, o != null, k == l, l != k, k == null,
            en == em, en != A, Type.enumEq(en, em),
            fn == gn, Reflect.compareMethods(fn, gn),
            u < v, u >= v, u > 3, u == v,
            cl == cl2, (cl : Dynamic) == d,
            ii < ff, ff > ii, (ii : Float) == ff,
        ];
        trace(r);
    }
}
