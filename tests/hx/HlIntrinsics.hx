// HashLink compiler intrinsics used directly (`untyped $name(...)`, as the hl std does): $new, $int, $bget*/$bset*,
// $aalloc/$aget/$aset/$asize, $abytes, $ref/$unref/$setref, $refdata/$refoffset, $ttype/$tdyntype/$tkind, $hash,
// $enumIndex, $rethrow, $bytes_sizebits/$bytes_nullvalue (for every BytesAccess element type).
class Cell {
	public var v:Int;

	public function new() {
		v = 1;
	}
}

enum Tag {
	TA;
	TB(x:Int);
	TC;
}

class HlIntrinsics {
	static function main() {
		var c:Cell = untyped $new(Cell);
		Sys.println("$new skips constructor v=" + c.v);
		var q:Int = untyped $int(7.9);
		Sys.println("$int(7.9)=" + q);
		var b = new hl.Bytes(16);
		untyped $bsetui8(b, 0, 0x1FE);
		untyped $bsetui16(b, 2, 0x12345);
		untyped $bseti32(b, 4, -7);
		untyped $bsetf32(b, 8, (0.5 : Single));
		Sys.println("$bget ui8=" + untyped $bgetui8(b, 0) + " ui16=" + untyped $bgetui16(b, 2) + " i32=" + untyped $bgeti32(b, 4)
			+ " f32=" + untyped $bgetf32(b, 8));
		untyped $bsetf64(b, 8, 2.75);
		Sys.println("$bgetf64=" + untyped $bgetf64(b, 8));
		var big:hl.I64 = 123456789;
		big = big * 1000;
		untyped $bseti64(b, 0, big);
		var back:hl.I64 = untyped $bgeti64(b, 0);
		Sys.println("$bgeti64=" + back + " low word=" + b.getI32(0));
		var a:hl.NativeArray<Int> = untyped $aalloc(4);
		untyped $aset(a, 1, 11);
		untyped $aset(a, 3, 33);
		var a1:Int = untyped $aget(a, 1);
		Sys.println("$aalloc size=" + untyped $asize(a) + " $aget=" + a1 + "," + (untyped $aget(a, 0) : Int));
		var fa:hl.NativeArray<Float> = untyped $aalloc(2);
		untyped $aset(fa, 0, 1.5);
		Sys.println("$aget float=" + (untyped $aget(fa, 0) : Float));
		var ints = [10, 20, 30];
		var raw:hl.Bytes = untyped $abytes(ints);
		Sys.println("$abytes of Array<Int> second=" + raw.getI32(4));
		var local = 5;
		var r:hl.Ref<Int> = untyped $ref(local);
		untyped $setref(r, 42);
		var got:Int = untyped $unref(r);
		Sys.println("$ref/$setref local=" + local + " $unref=" + got);
		var first:hl.Ref<Int> = untyped $refdata(a);
		var third:hl.Ref<Int> = untyped $refoffset(first, 3);
		Sys.println("$refdata/$refoffset third=" + third.get() + " first=" + first.get());
		var t:hl.Type = untyped $ttype(c);
		var k:Int = untyped $tkind(t);
		var dt:hl.Type = untyped $tdyntype((1.5 : Dynamic));
		var dk:Int = untyped $tkind(dt);
		Sys.println("$ttype kind=" + k + " $tdyntype kind=" + dk + " name=" + t.getTypeName());
		var h:Int = untyped $hash("length");
		Sys.println("$hash(length)=" + h);
		var tags = [TA, TB(2), TC];
		Sys.println("$enumIndex=" + [for (e in tags) (untyped $enumIndex(e) : Int)]);
		var rethrown = try {
			try {
				throw "inner";
			} catch (e:Dynamic) {
				untyped $rethrow(e);
			}
			"not rethrown";
		} catch (e:String) "rethrown " + e;
		Sys.println("$rethrow=" + rethrown);
		var ab:hl.BytesAccess<hl.UI8> = b;
		var aw:hl.BytesAccess<hl.UI16> = b;
		var ai:hl.BytesAccess<Int> = b;
		var al:hl.BytesAccess<hl.I64> = b;
		var af:hl.BytesAccess<Single> = b;
		var ad:hl.BytesAccess<Float> = b;
		Sys.println("sizeBits=" + [ab.sizeBits, aw.sizeBits, ai.sizeBits, al.sizeBits, af.sizeBits, ad.sizeBits]);
		var nl:hl.I64 = al.nullValue;
		var nf:Single = af.nullValue;
		Sys.println("nullValue=" + ab.nullValue + "," + aw.nullValue + "," + ai.nullValue + "," + nl + "," + nf + "," + ad.nullValue);
		ab[15] = 255;
		aw[6] = 0xBEEF;
		al[1] = -1;
		Sys.println("BytesAccess get=" + ab[15] + " " + StringTools.hex(aw[6]) + " " + al[1] + " byte 8=" + ab[8]);
	}
}
