// haxe.ds.BalancedTree (ordered keys), EnumValueMap, Option, Either, WeakMap-free ordered traversal, custom compare.
import haxe.ds.BalancedTree;
import haxe.ds.Option;
import haxe.ds.Either;

class ReverseTree<V> extends BalancedTree<Int, V> {
	override function compare(a:Int, b:Int):Int {
		return b - a;
	}
}

class DsTreeOption {
	static function find(a:Array<Int>, v:Int):Option<Int> {
		for (i in 0...a.length)
			if (a[i] == v)
				return Some(i);
		return None;
	}

	static function describe(o:Option<Int>):String {
		return switch o {
			case Some(i) if (i == 0): "at start";
			case Some(i): "at " + i;
			case None: "absent";
		}
	}

	static function parse(s:String):Either<String, Int> {
		var v = Std.parseInt(s);
		return v == null ? Left("bad: " + s) : Right(v);
	}

	static function main() {
		var t = new BalancedTree<String, Int>();
		for (w in ["m", "c", "x", "a", "e", "z", "b"])
			t.set(w, w.charCodeAt(0));
		Sys.println("tree keys in order=" + [for (k in t.keys()) k]);
		Sys.println("tree get e=" + t.get("e") + " missing=" + t.get("q") + " exists x=" + t.exists("x"));
		Sys.println("tree remove c=" + t.remove("c") + " again=" + t.remove("c") + " keys=" + [for (k in t.keys()) k]);
		Sys.println("tree values=" + [for (v in t) v]);
		Sys.println("tree toString=" + t.toString());
		var kv = [for (k => v in t) k + v];
		Sys.println("tree keyValue=" + kv.join(","));
		var copy = t.copy();
		copy.set("new", 1);
		Sys.println("tree copy independent=" + t.exists("new") + "," + copy.exists("new"));
		t.clear();
		Sys.println("tree cleared=" + [for (k in t.keys()) k].length);
		var rt = new ReverseTree<String>();
		for (i in [5, 1, 9, 3])
			rt.set(i, "v" + i);
		Sys.println("custom compare order=" + [for (k in rt.keys()) k]);
		var arr = [10, 20, 30];
		Sys.println("option=" + describe(find(arr, 10)) + "; " + describe(find(arr, 30)) + "; " + describe(find(arr, 5)));
		Sys.println("option toString=" + find(arr, 20) + " " + find(arr, 0));
		Sys.println("either=" + parse("12") + " " + parse("zz"));
		var sum = 0;
		for (s in ["1", "x", "5"])
			switch parse(s) {
				case Right(v):
					sum += v;
				case Left(_):
			}
		Sys.println("either sum=" + sum);
		var evm = new haxe.ds.EnumValueMap<Option<Int>, String>();
		evm.set(Some(3), "three");
		evm.set(None, "none");
		evm.set(Some(1), "one");
		Sys.println("EnumValueMap keys=" + [for (k in evm.keys()) k] + " get Some(3)=" + evm.get(Some(3)));
	}
}
