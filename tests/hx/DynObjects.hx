// Dynamic objects: {} literals typed Dynamic, DynamicAccess, adding/removing fields, iteration (sorted), nested dynamic data.
import haxe.DynamicAccess;

class DynObjects {
	static function sortedKeys(o:Dynamic):Array<String> {
		var k = Reflect.fields(o);
		k.sort(Reflect.compare);
		return k;
	}

	static function main() {
		var o:Dynamic = {};
		o.name = "dyn";
		o.count = 3;
		o.ratio = 0.25;
		o.nested = {};
		o.nested.deep = true;
		Sys.println("fields=" + sortedKeys(o));
		Sys.println("name=" + o.name + " count=" + o.count + " ratio=" + o.ratio + " deep=" + o.nested.deep);
		o.count = o.count * 2;
		o.name = null;
		Sys.println("after update count=" + o.count + " name=" + o.name);
		var acc:DynamicAccess<Int> = {};
		acc.set("one", 1);
		acc["two"] = 2;
		acc.set("three", 3);
		Sys.println("DynamicAccess exists two=" + acc.exists("two") + " get three=" + acc.get("three") + " missing="
			+ acc.get("four"));
		acc.remove("one");
		var keys = acc.keys();
		keys.sort(Reflect.compare);
		Sys.println("DynamicAccess keys=" + keys);
		var total = 0;
		for (k in keys)
			total += acc[k];
		Sys.println("DynamicAccess total=" + total);
		var copy = acc.copy();
		copy["two"] = 20;
		Sys.println("copy independent=" + acc["two"] + "," + copy["two"]);
		var list:Array<Dynamic> = [];
		for (i in 0...3) {
			var e:Dynamic = {};
			e.index = i;
			e.square = i * i;
			list.push(e);
		}
		Sys.println("list squares=" + [for (e in list) e.square]);
		var withFn:Dynamic = {};
		withFn.greet = function(who:String) return "hi " + who;
		Sys.println("function field=" + withFn.greet("you"));
		var emptyObj:Dynamic = {};
		Sys.println("empty fields=" + Reflect.fields(emptyObj).length);
		Sys.println("isObject=" + Reflect.isObject(o));
		var num:Dynamic = {v: 1};
		num.v += 41;
		Sys.println("compound on dyn field=" + num.v);
	}
}
