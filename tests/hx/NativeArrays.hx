// hl.NativeArray: allocation, typed get/set for Int/Float/String/Dynamic/objects, length, blit, sub, iteration, getRef/hl.Ref.
class Item {
	public var n:Int;

	public function new(n:Int) {
		this.n = n;
	}
}

class NativeArrays {
	static function sum(a:hl.NativeArray<Int>):Int {
		var t = 0;
		for (i in 0...a.length)
			t += a[i];
		return t;
	}

	static function main() {
		var ints = new hl.NativeArray<Int>(5);
		for (i in 0...ints.length)
			ints[i] = i * i;
		Sys.println("ints length=" + ints.length + " sum=" + sum(ints) + " ints[4]=" + ints[4]);
		var floats = new hl.NativeArray<Float>(3);
		floats[0] = 0.5;
		floats[2] = -1.25;
		Sys.println("floats=" + floats[0] + "," + floats[1] + "," + floats[2]);
		var strs = new hl.NativeArray<String>(3);
		strs[1] = "mid";
		Sys.println("strings=" + strs[0] + "," + strs[1] + "," + strs[2]);
		var objs = new hl.NativeArray<Item>(2);
		objs[0] = new Item(7);
		Sys.println("objects=" + objs[0].n + " second null=" + (objs[1] == null));
		var dyns = new hl.NativeArray<Dynamic>(3);
		dyns[0] = 1;
		dyns[1] = "two";
		dyns[2] = 3.5;
		Sys.println("dynamics=" + dyns[0] + "," + dyns[1] + "," + dyns[2]);
		var bytes = new hl.NativeArray<hl.UI8>(4);
		bytes[0] = 300;
		Sys.println("UI8 elements=" + bytes[0] + "," + bytes[3]);
		var copy = new hl.NativeArray<Int>(5);
		copy.blit(1, ints, 2, 3);
		Sys.println("blit=" + [for (i in 0...copy.length) copy[i]]);
		var part = ints.sub(1, 2);
		Sys.println("sub=" + part[0] + "," + part[1] + " length=" + part.length);
		var seen = [];
		for (v in ints)
			seen.push(v);
		Sys.println("iterator=" + seen);
		var ref:hl.Ref<Int> = ints;
		Sys.println("getRef first element=" + ref.get());
		ref.set(100);
		Sys.println("after ref.set ints[0]=" + ints[0]);
		var third = ref.offset(3);
		Sys.println("ref.offset(3)=" + third.get());
		third.set(-9);
		Sys.println("after offset set ints[3]=" + ints[3]);
		var fref:hl.Ref<Float> = floats;
		Sys.println("float ref offset(2)=" + fref.offset(2).get());
		var arr = [4, 5, 6];
		var na = @:privateAccess (cast arr : hl.types.ArrayBytes.ArrayI32).bytes;
		Sys.println("Array<Int> backing bytes[1]=" + na[1]);
		var fromArray:Array<String> = cast hl.types.ArrayObj.alloc(strs);
		Sys.println("ArrayObj.alloc length=" + fromArray.length + " [1]=" + fromArray[1]);
		var typeName = ints.getType();
		Sys.println("element type=" + typeName);
	}
}
