// Metadata: @:keep classes and fields surviving DCE, haxe.rtti.Meta for runtime metadata, @:native names, Type.resolveClass of kept classes.
@:keep
@author("someone")
@version(2, "beta")
class Annotated {
	@range(0, 10) @:keep public var level:Int = 5;
	@deprecatedInfo("use other") public static function old():String {
		return "old";
	}

	@:keep public function unusedMethod():String {
		return "kept even if unused";
	}

	public function new() {}
}

@:keep class OnlyByReflection {
	public function new() {}

	public function hello():String {
		return "reflected hello";
	}
}

@:native("RenamedNative")
class NativeName {
	public static function id():String {
		return "native";
	}
}

class MetadataKeep {
	static function sortedFields(o:Dynamic):Array<String> {
		var f = Reflect.fields(o);
		f.sort(Reflect.compare);
		return f;
	}

	static function main() {
		var typeMeta = haxe.rtti.Meta.getType(Annotated);
		Sys.println("type meta fields=" + sortedFields(typeMeta));
		Sys.println("author=" + typeMeta.author + " version=" + typeMeta.version);
		var fieldMeta = haxe.rtti.Meta.getFields(Annotated);
		Sys.println("field meta level range=" + Reflect.field(fieldMeta, "level").range);
		var staticMeta = haxe.rtti.Meta.getStatics(Annotated);
		Sys.println("static meta=" + Reflect.field(staticMeta, "old").deprecatedInfo);
		var cls = Type.resolveClass("OnlyByReflection");
		Sys.println("kept class resolvable=" + (cls != null));
		var inst:Dynamic = Type.createInstance(cls, []);
		Sys.println("call through reflection=" + inst.hello());
		var a = new Annotated();
		Sys.println("kept method=" + Reflect.callMethod(a, Reflect.field(a, "unusedMethod"), []));
		Sys.println("instance fields contain unusedMethod=" + (Type.getInstanceFields(Annotated).indexOf("unusedMethod") >= 0));
		Sys.println("native renamed class name=" + Type.getClassName(NativeName) + " id=" + NativeName.id());
		Sys.println("static old=" + Annotated.old());
	}
}
