// Xml (pure Haxe over strings and StringMap) at the edges: entities and character references, CDATA, comments, processing instructions, DOCTYPE, attribute order and duplicate attributes, whitespace handling, namespaces in names, Unicode text, printing and pretty printing, parse errors with positions, haxe.xml.Access of missing nodes.
class XmlEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + StringTools.replace(r, "\n", "|"));
	}

	static function main() {
		attempt("entities", () -> {
			var x = Xml.parse("<a t=\"&lt;&amp;&quot;&apos;&gt;\">&lt;b&gt; &#65;&#x42; &#128512; &nbsp; &unknown;</a>").firstElement();
			return x.get("t") + " | " + x.firstChild().nodeValue;
		});
		attempt("cdata and comments", () -> {
			var x = Xml.parse("<r><![CDATA[<raw & stuff>]]><!-- a -- comment --><?pi data?>text</r>").firstElement();
			return [for (c in x) c.nodeType + ":" + c.nodeValue].join(",");
		});
		attempt("doctype", () -> {
			var d = Xml.parse("<!DOCTYPE html><html/>");
			return [for (c in d) Std.string(c.nodeType)].join(",") + " " + d.toString();
		});
		attempt("attribute order", () -> {
			var x = Xml.parse("<e z=\"1\" a=\"2\" m=\"3\" b=\"4\" y=\"5\" c=\"6\"/>").firstElement();
			return [for (a in x.attributes()) a].join(",") + " " + x.toString();
		});
		attempt("duplicate attribute", () -> Xml.parse("<e a=\"1\" a=\"2\"/>").toString());
		attempt("set attributes", () -> {
			var e = Xml.createElement("n");
			for (k in ["k9", "k1", "k5", "k3", "k7", "k2"])
				e.set(k, k.substr(1));
			e.remove("k5");
			e.set("k1", "changed");
			return e.toString() + " exists=" + e.exists("k5") + " get missing=" + e.get("nope");
		});
		attempt("whitespace", () -> {
			var x = Xml.parse("<a>\n  <b> x </b>\n</a>");
			return x.firstElement().firstElement().firstChild().nodeValue.length + " children=" + [for (c in x.firstElement()) c].length;
		});
		attempt("namespaces", () -> {
			var x = Xml.parse("<ns:root xmlns:ns=\"u\"><ns:item ns:attr=\"v\"/></ns:root>").firstElement();
			return x.nodeName + " " + x.firstElement().nodeName + " " + x.firstElement().get("ns:attr");
		});
		attempt("unicode", () -> {
			var x = Xml.parse("<é 😀=\"ü\">日本語😀</é>").firstElement();
			return x.nodeName + " " + x.get("😀") + " " + x.firstChild().nodeValue + " len=" + x.firstChild().nodeValue.length;
		});
		attempt("print escapes", () -> {
			var e = Xml.createElement("p");
			e.set("q", "a\"b<c>&d'");
			e.addChild(Xml.createPCData("1 < 2 && \"q\""));
			e.addChild(Xml.createCData("]]>inside"));
			return e.toString();
		});
		attempt("pretty", () -> haxe.xml.Printer.print(Xml.parse("<a><b c=\"1\"><d/>text</b><e/></a>"), true));
		for (bad in ["<a>", "<a></b>", "<a b=1/>", "<a b=\"1></a>", "</a>", "<a><!-- unterminated</a>", "<1a/>", "<a>&#xZZ;</a>", "text only",
			"<a/><b/>", ""])
			attempt("parse [" + bad + "]", () -> {
				var x = Xml.parse(bad);
				return [for (c in x) c.nodeType + (c.nodeType == Element ? c.nodeName : "")].join(",");
			});
		attempt("access", () -> {
			var acc = new haxe.xml.Access(Xml.parse("<r><i n=\"1\"/><i n=\"2\"/><o>t</o></r>").firstElement());
			return [for (i in acc.nodes.i) i.att.n].join(",") + " " + acc.node.o.innerData + " has=" + acc.hasNode.x + " " + acc.has.n;
		});
		attempt("access missing", () -> new haxe.xml.Access(Xml.parse("<r/>").firstElement()).node.nothing);
		attempt("elementsNamed", () -> {
			var x = Xml.parse("<r><a/><b/><a/><c><a/></c></r>").firstElement();
			return [for (e in x.elementsNamed("a")) e.nodeName].length + " " + [for (e in x.elements()) e.nodeName].join("");
		});
		attempt("mutate", () -> {
			var x = Xml.parse("<r><a/><b/></r>").firstElement();
			var a = x.firstElement();
			x.removeChild(a);
			x.insertChild(a, 1);
			x.addChild(Xml.createComment(" end "));
			return x.toString();
		});
	}
}
