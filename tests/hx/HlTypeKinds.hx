// hl.Type and type kinds: hl.Type.get/getDynamic, kind (HVoid..HNull), type names, @:struct classes, hl.Abstract values.
@:struct class Vec3 {
	public var x:Float;
	public var y:Float;
	public var z:Float;

	public function new(x:Float, y:Float, z:Float) {
		this.x = x;
		this.y = y;
		this.z = z;
	}

	public function dot(o:Vec3):Float {
		return x * o.x + y * o.y + z * o.z;
	}
}

class Plain {
	public var v:Int = 3;

	public function new() {}
}

enum Color {
	Red;
	Rgb(r:Int, g:Int, b:Int);
}

class HlTypeKinds {
	static function kindName(k:hl.Type.TypeKind):String {
		return switch k {
			case HVoid: "HVoid";
			case HUI8: "HUI8";
			case HUI16: "HUI16";
			case HI32: "HI32";
			case HI64: "HI64";
			case HF32: "HF32";
			case HF64: "HF64";
			case HBool: "HBool";
			case HBytes: "HBytes";
			case HDyn: "HDyn";
			case HFun: "HFun";
			case HObj: "HObj";
			case HArray: "HArray";
			case HType: "HType";
			case HRef: "HRef";
			case HVirtual: "HVirtual";
			case HDynObj: "HDynObj";
			case HAbstract: "HAbstract";
			case HEnum: "HEnum";
			case HNull: "HNull";
		}
	}

	static function dynKind(v:Dynamic):String {
		var t = hl.Type.getDynamic(v);
		return kindName(t.kind) + " " + t.getTypeName();
	}

	static function main() {
		var i = 5;
		var f = 1.5;
		var s:Single = 2.5;
		var b = true;
		var u8:hl.UI8 = 1;
		var u16:hl.UI16 = 2;
		var i64:hl.I64 = 3;
		var bytes = new hl.Bytes(4);
		var str = "s";
		var fn = function() return 1;
		var arr = new hl.NativeArray<Int>(1);
		var anon:{a:Int} = {a: 1};
		var dynobj:Dynamic = {};
		var e = Rgb(1, 2, 3);
		var ni:Null<Int> = 4;
		Sys.println("static kinds=" + [kindName(hl.Type.get(i).kind), kindName(hl.Type.get(f).kind), kindName(hl.Type.get(s).kind),
			kindName(hl.Type.get(b).kind), kindName(hl.Type.get(u8).kind), kindName(hl.Type.get(u16).kind),
			kindName(hl.Type.get(i64).kind)].join(","));
		Sys.println("static kinds 2=" + [kindName(hl.Type.get(bytes).kind), kindName(hl.Type.get(str).kind), kindName(hl.Type.get(fn).kind),
			kindName(hl.Type.get(arr).kind), kindName(hl.Type.get(anon).kind), kindName(hl.Type.get(e).kind),
			kindName(hl.Type.get(ni).kind), kindName(hl.Type.get(dynobj).kind)].join(","));
		Sys.println("void kind=" + kindName(hl.Type.void().kind));
		Sys.println("dynamic kinds=" + [dynKind(7), dynKind(0.5), dynKind(true), dynKind("x"), dynKind(new Plain()), dynKind(Red)].join(";"));
		Sys.println("dynamic kinds 2=" + dynKind(anon) + ";" + dynKind(dynobj) + ";" + kindName(hl.Type.getDynamic(fn).kind));
		Sys.println("type names=" + hl.Type.get(str).getTypeName() + "," + hl.Type.get(new Plain()).getTypeName() + ","
			+ hl.Type.get(e).getTypeName());
		var t = hl.Type.get(new Plain());
		Sys.println("instance fields of Plain=" + [for (n in t.getInstanceFields()) @:privateAccess String.fromUCS2(n)]);
		Sys.println("safeCast Plain->Plain=" + t.safeCast(t) + " Plain->String=" + t.safeCast(hl.Type.get(str)));
		var et = hl.Type.get(e);
		Sys.println("enum fields=" + [for (n in et.getEnumFields()) @:privateAccess String.fromUCS2(n)]);
		var va = new Vec3(1, 2, 3);
		var vb = new Vec3(4, -5, 6);
		Sys.println("struct dot=" + va.dot(vb));
		va.x = 10;
		Sys.println("struct field write x=" + va.x + " dot=" + va.dot(vb));
		var vs = [new Vec3(1, 0, 0), new Vec3(0, 1, 0)];
		var total = 0.0;
		for (v in vs)
			total += v.dot(va);
		Sys.println("struct array total=" + total);
		var lock = new sys.thread.Mutex();
		lock.acquire();
		lock.release();
		Sys.println("abstract value (mutex) used=ok");
		var re = ~/a+/;
		Sys.println("EReg over hl.Abstract matched=" + re.match("baaa") + " " + re.matched(0));
	}
}
