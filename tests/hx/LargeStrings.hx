// Large strings and buffers: a StringBuf grown past 170,000 units, split/join/replace/indexOf/lastIndexOf over all of it, substr near the end, UTF-8 conversion of large non-ASCII text, Bytes.toString of a large buffer, string keys of a map built from large slices, repeated concatenation in a loop.
class LargeStrings {
	static function checksum(s:String):Int {
		var h = 0;
		for (i in 0...s.length)
			h = (h * 31 + s.charCodeAt(i)) & 0x3FFFFFFF;
		return h;
	}

	static function main() {
		var sb = new StringBuf();
		for (i in 0...30000) {
			sb.add(i);
			sb.addChar(i % 7 == 0 ? 0xE9 : ",".code);
		}
		var big = sb.toString();
		Sys.println("length=" + big.length + " checksum=" + checksum(big));
		var parts = big.split(",");
		Sys.println("parts=" + parts.length + " last=" + parts[parts.length - 1].substr(0, 10));
		var joined = parts.join(";");
		Sys.println("joined length=" + joined.length + " checksum=" + checksum(joined));
		var replaced = StringTools.replace(big, "é", "<E>");
		Sys.println("replaced length=" + replaced.length + " indexOf=" + replaced.indexOf("29999") + " lastIndexOf=" + replaced.lastIndexOf("<E>")
			+ " missing=" + replaced.indexOf("xyz"));
		Sys.println("substr end=" + big.substr(big.length - 12) + " substring mid=" + big.substring(100000, 100010));
		var text = [for (i in 0...20000) "ü€😀"].join("");
		var bytes = haxe.io.Bytes.ofString(text);
		Sys.println("utf8 bytes=" + bytes.length + " back same=" + (bytes.toString() == text) + " units=" + text.length);
		var up = text.toUpperCase();
		Sys.println("upper checksum=" + checksum(up));
		var m = new Map<String, Int>();
		for (i in 0...1000)
			m.set(big.substr(i * 100, 100), i);
		var total = 0;
		for (v in m)
			total += v;
		Sys.println("map of slices=" + Lambda.count(m) + " total=" + total + " get=" + m.get(big.substr(700 * 100, 100)));
		var s = "";
		for (i in 0...5000)
			s += String.fromCharCode(65 + i % 26);
		Sys.println("concat loop length=" + s.length + " checksum=" + checksum(s));
		var rx = ~/([0-9]+)é/g;
		var count = 0;
		rx.map(big, m -> {
			count++;
			return "";
		});
		Sys.println("regexp matches=" + count);
		Sys.println("compare large=" + (big == sb.toString()) + " " + (big < big + "x") + " " + Reflect.compare(big, replaced));
	}
}
