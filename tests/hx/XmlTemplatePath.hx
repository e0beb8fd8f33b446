// Pure-Haxe std text formats: Xml parsing/printing/navigation, haxe.xml.Access, haxe.Template, haxe.io.Path.
class XmlTemplatePath {
	static function main() {
		var x = Xml.parse('<root a="1"><item id="x">first</item><item id="y"><![CDATA[<raw>]]></item><!-- c --><empty/></root>');
		var root = x.firstElement();
		Sys.println("root=" + root.nodeName + " a=" + root.get("a") + " exists b=" + root.exists("b"));
		var ids = [for (e in root.elementsNamed("item")) e.get("id") + ":" + e.firstChild().nodeValue];
		Sys.println("items=" + ids.join(","));
		Sys.println("element count=" + [for (e in root.elements()) e].length + " child count=" + [for (c in root) c].length);
		root.set("b", "two & more");
		var added = Xml.createElement("new");
		added.addChild(Xml.createPCData("text <escaped>"));
		root.addChild(added);
		Sys.println("printed=" + haxe.xml.Printer.print(root));
		Sys.println("toString=" + Xml.parse("<a><b/></a>").toString());
		var acc = new haxe.xml.Access(root);
		Sys.println("Access nodes=" + acc.nodes.item.length + " att=" + acc.att.a + " has.b=" + acc.has.b + " node.empty name="
			+ acc.node.empty.name);
		var bad = try {
			Xml.parse("<open>");
			"parsed";
		} catch (e:Dynamic) "error";
		Sys.println("unclosed=" + bad);
		var t = new haxe.Template("Hello ::name::! ::if (count > 1)::many::else::one::end:: ::foreach items::[::__current__::]::end::");
		Sys.println("template=" + t.execute({name: "World", count: 3, items: ["a", "b"]}));
		var t2 = new haxe.Template("::x:: + ::y:: = ::(x + y)::");
		Sys.println("template expr=" + t2.execute({x: 2, y: 5}));
		var p = new haxe.io.Path("/home/user/file.tar.gz");
		Sys.println("path dir=" + p.dir + " file=" + p.file + " ext=" + p.ext + " toString=" + p.toString());
		Sys.println("withoutExtension=" + haxe.io.Path.withoutExtension("a/b.c.d") + " withoutDirectory="
			+ haxe.io.Path.withoutDirectory("a/b/c.txt") + " directory=" + haxe.io.Path.directory("a/b/c.txt"));
		Sys.println("join=" + haxe.io.Path.join(["a", "b/", "c"]) + " normalize=" + haxe.io.Path.normalize("a/./b/../c//d"));
		Sys.println("addTrailingSlash=" + haxe.io.Path.addTrailingSlash("x") + " removeTrailingSlashes="
			+ haxe.io.Path.removeTrailingSlashes("y///") + " isAbsolute=" + haxe.io.Path.isAbsolute("/z") + ","
			+ haxe.io.Path.isAbsolute("z"));
		Sys.println("extension=" + haxe.io.Path.extension("noext") + "|" + haxe.io.Path.extension("a.b"));
	}
}
