// String: length, charAt, charCodeAt, indexOf/lastIndexOf, split, substr/substring, case, fromCharCode, comparison, iteration.
class StringMethods {
	static function main() {
		var s = "Hello, World";
		Sys.println("length=" + s.length + " charAt(4)=" + s.charAt(4) + " charCodeAt(7)=" + s.charCodeAt(7));
		Sys.println("charAt out of range=[" + s.charAt(99) + "] charCodeAt out of range=" + s.charCodeAt(99));
		Sys.println("indexOf o=" + s.indexOf("o") + " from 5=" + s.indexOf("o", 5) + " missing=" + s.indexOf("xyz"));
		Sys.println("lastIndexOf o=" + s.lastIndexOf("o") + " before 7=" + s.lastIndexOf("o", 7));
		Sys.println("split=" + s.split(", ") + " by char=" + "a,b,,c".split(",") + " count=" + "a,b,,c".split(",").length);
		Sys.println("substr(7)=" + s.substr(7) + " substr(0,5)=" + s.substr(0, 5) + " substr(-5)=" + s.substr(-5) + " substr(-5,2)="
			+ s.substr(-5, 2));
		Sys.println("substring(7)=" + s.substring(7) + " substring(5,0)=" + s.substring(5, 0) + " substring(3,3)=[" + s.substring(3, 3) + "]");
		Sys.println("upper=" + s.toUpperCase() + " lower=" + s.toLowerCase());
		Sys.println("fromCharCode=" + String.fromCharCode(72) + String.fromCharCode(105) + " euro=" + String.fromCharCode(0x20AC));
		Sys.println("equality=" + (s == "Hello, " + "World") + " compare a<b=" + ("a" < "b") + " abc<abd=" + ("abc" < "abd") + " Z<a="
			+ ("Z" < "a"));
		Sys.println("concat=" + ("x" + 1 + 2) + " " + (1 + 2 + "x") + " " + ("f" + 1.5) + " " + ("b" + true) + " " + ("n" + null));
		var codes = [];
		for (i in 0...5)
			codes.push(s.charCodeAt(i));
		Sys.println("codes=" + codes);
		Sys.println("unicode length=" + "héllo".length + " upper=" + "héllo".toUpperCase());
		var multi = "line1\nline2\ttabbed \"quoted\" back\\slash";
		Sys.println("escapes length=" + multi.length + " split lines=" + multi.split("\n").length);
		Sys.println("toString=" + s.toString() + " Std.string=" + Std.string("q"));
		Sys.println("empty=" + "".length + " split empty=" + "abc".split("") + " empty.split(x)=" + "".split("x").length);
		var built = "";
		for (i in 0...5)
			built += i;
		Sys.println("built=" + built);
		Sys.println("char literal code=" + "A".code + " newline code=" + "\n".code);
		Sys.println("string switch=" + [for (w in ["alpha", "beta", "gamma", "other"]) switch w {
			case "alpha": 1;
			case "beta": 2;
			case "gamma": 3;
			default: 0;
		}]);
		var ref = "shared";
		var same = "sha" + "red";
		Sys.println("equal contents=" + (ref == same) + " length=" + same.length);
	}
}
