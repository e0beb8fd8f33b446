// hx-flags: -resource data/greeting.txt@greeting -resource data/blob.bin@blob
// Resources (-resource): bytecode version 5 with a bytes block (OBytes); text and binary resources, names, missing resource.
class ResourceData {
	static function main() {
		var names = haxe.Resource.listNames();
		names.sort(Reflect.compare);
		Sys.println("names=" + names);
		var text = haxe.Resource.getString("greeting");
		Sys.println("greeting length=" + text.length + " text=" + StringTools.trim(text));
		var gb = haxe.Resource.getBytes("greeting");
		Sys.println("greeting bytes length=" + gb.length + " last byte=" + gb.get(gb.length - 1));
		var blob = haxe.Resource.getBytes("blob");
		Sys.println("blob length=" + blob.length + " hex=" + blob.toHex());
		var sum = 0;
		for (i in 0...blob.length)
			sum += blob.get(i);
		Sys.println("blob byte sum=" + sum);
		Sys.println("missing string=" + haxe.Resource.getString("nope") + " missing bytes=" + haxe.Resource.getBytes("nope"));
	}
}
