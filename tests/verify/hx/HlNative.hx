// Verifier corpus: HashLink-specific types and intrinsics: NativeArray of every kind, raw Bytes
// access of every width, Ref, I64, UI8/UI16, F32, Abstract, hl.Type, structs.
import hl.NativeArray;
import hl.Bytes;
import hl.Ref;
import hl.I64;
import hl.UI8;
import hl.UI16;
import hl.F32;

@:struct class Vec { public var x:Float; public var y:Float; public function new(x, y) { this.x = x; this.y = y; } }

class HlNative {
    static function incr(r:Ref<Int>) { r.set(r.get() + 1); }
    static function incrF(r:Ref<Float>) { r.set(r.get() * 2); }
    static function main() {
        var ai = new NativeArray<Int>(4);
        var af = new NativeArray<Float>(4);
        var as = new NativeArray<Single>(4);
        var ab = new NativeArray<Bool>(4);
        var ao = new NativeArray<String>(4);
        var ad = new NativeArray<Dynamic>(4);
        var a8 = new NativeArray<UI8>(4);
        var a16 = new NativeArray<UI16>(4);
        var a64 = new NativeArray<I64>(4);
        ai[0] = 1; af[1] = 2.5; as[2] = 1.5; ab[3] = true; ao[0] = "s"; ad[1] = 3; a8[2] = 255; a16[3] = 65535; a64[0] = 5;
        var sum = ai[0] + af[1] + as[2] + (ab[3] ? 1 : 0) + ao[0].length + ad[1] + a8[2] + a16[3];
        var big:I64 = a64[0];
        big = big * 3 + 1;
        big = big << 4;
        var small:Int = big;
        var bs = new Bytes(64);
        bs.setI32(0, 7); bs.setF64(8, 1.25); bs.setF32(16, 0.5); bs.setUI8(20, 9); bs.setUI16(22, 1000);
        var v = bs.getI32(0) + bs.getF64(8) + bs.getF32(16) + bs.getUI8(20) + bs.getUI16(22);
        var l:I64 = big + 1;
        var i = 5;
        incr(i);
        var fl = 1.5;
        incrF(fl);
        var u8:UI8 = 200; u8 += 100;
        var u16:UI16 = 60000; u16 = u16 * 2;
        var f32:F32 = 1.5; f32 = f32 * f32 + 0.25;
        var sg:Single = 3.5; var sg2 = sg / 3;
        var t = hl.Type.get(ai);
        var tk = t.kind;
        var tn = hl.Type.getDynamic(sum);
        var ap = ai.getRef();
        var sub = ai.sub(1, 2);
        var vec = new Vec(1, 2);
        vec.x += vec.y;
        var bytesOfString = @:privateAccess "abc".bytes;
        var c = bytesOfString.getUI16(2);
        var cmpU = (u8 < u16);
        trace([sum, small, v, i, fl, u8, u16, f32, sg2, tk, c, cmpU, (l : Int)]);
        trace(tn, sub, vec.x, ap != null, SmallArrays.run());
    }
}

// Compound assignments on arrays of small numbers: genhl reads and writes the element through a
// register of the element type (OGetI16 into a ui16 register, which Haxe's own checker rejects).
class SmallArrays {
    public static function run() {
        var a:Array<hl.UI16> = [1, 2, 3];
        a[0] += 5;
        a[1] *= 2;
        var f:Array<Single> = [1.5, 2.5];
        f[0] += 1.0;
        var i:Array<Int> = [1];
        i[0] <<= 2;
        var d:Array<Float> = [0.5];
        d[0] -= 0.25;
        return a[0] + a[1] + f[0] + i[0] + d[0];
    }
}
