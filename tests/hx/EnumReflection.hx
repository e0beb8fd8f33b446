// Enum reflection: enumIndex, enumConstructor, enumParameters, createEnum(ByIndex), allEnums, getEnum, EnumValue maps and flags.
enum Suit {
	Hearts;
	Diamonds;
	Clubs;
	Spades;
}

enum Token {
	TInt(v:Int);
	TStr(s:String);
	TPair(a:Int, b:Float);
	TOpt(?x:Int);
	TEnd;
}

enum Perm {
	CanRead;
	CanWrite;
	CanExec;
}

class EnumReflection {
	static function main() {
		var t = TPair(3, 2.5);
		Sys.println("enumIndex=" + Type.enumIndex(t) + " via method=" + t.getIndex());
		Sys.println("enumConstructor=" + Type.enumConstructor(t) + " getName=" + t.getName());
		Sys.println("enumParameters=" + Type.enumParameters(t) + " getParameters=" + t.getParameters());
		Sys.println("params of TEnd=" + Type.enumParameters(TEnd));
		Sys.println("getEnum name=" + Type.getEnumName(Type.getEnum(t)));
		Sys.println("constructors=" + Type.getEnumConstructs(Token));
		Sys.println("allEnums Suit=" + Type.allEnums(Suit));
		var made = Type.createEnum(Token, "TStr", ["made"]);
		Sys.println("createEnum=" + made + " eq=" + Type.enumEq(made, TStr("made")));
		var byIndex = Type.createEnumIndex(Suit, 2);
		Sys.println("createEnumIndex(2)=" + byIndex + " ==Clubs " + (byIndex == Clubs));
		var noArgs = Type.createEnum(Token, "TEnd");
		Sys.println("createEnum no args=" + noArgs);
		Sys.println("TOpt()=" + TOpt() + " TOpt(4)=" + TOpt(4));
		Sys.println("enumEq different params=" + Type.enumEq(TInt(1), TInt(2)) + " same=" + Type.enumEq(TInt(1), TInt(1)));
		var m = new Map<Suit, String>();
		m.set(Spades, "black");
		m.set(Hearts, "red");
		m.set(Clubs, "black");
		Sys.println("enum map Hearts=" + m.get(Hearts) + " Diamonds=" + m.get(Diamonds) + " exists(Clubs)=" + m.exists(Clubs));
		var keys = [for (k in m.keys()) k];
		Sys.println("enum map keys=" + keys);
		var tm = new Map<Token, Int>();
		tm.set(TInt(2), 20);
		tm.set(TInt(1), 10);
		tm.set(TStr("a"), 1);
		Sys.println("param enum map get TInt(1)=" + tm.get(TInt(1)) + " keys=" + [for (k in tm.keys()) k]);
		var flags = new haxe.EnumFlags<Perm>();
		flags.set(CanRead);
		flags.set(CanExec);
		Sys.println("EnumFlags has read=" + flags.has(CanRead) + " write=" + flags.has(CanWrite) + " int=" + flags.toInt());
		flags.unset(CanRead);
		Sys.println("EnumFlags after unset=" + flags.toInt());
		var e:EnumValue = Diamonds;
		Sys.println("EnumValue isOfType Suit=" + Std.isOfType(e, Suit) + " typeof=" + Type.typeof(e));
		Sys.println("suit switch=" + [for (s in Type.allEnums(Suit)) switch s {
			case Hearts | Diamonds: "R";
			case Clubs | Spades: "B";
		}].join(""));
	}
}
