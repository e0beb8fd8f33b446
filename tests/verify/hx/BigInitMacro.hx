// The macro of BigInit.hx (not a program: build_corpus.sh skips sources without a main).
import haxe.macro.Expr;

class BigInitMacro {
    public static macro function literal(n:Int, floats:Bool):Expr {
        var values = [for (i in 0...n) floats ? macro $v{(i * 7919 % 1000) + 0.5} : macro $v{i * 7919 % 100000}];
        return macro $a{values};
    }
}
