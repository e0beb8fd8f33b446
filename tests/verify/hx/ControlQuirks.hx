// Verifier corpus: exception traps in every position (loops with break/continue inside try, return
// and throw from try and catch, nested try), switches, or-patterns reading enum parameters, guards.
enum Shape { Circle(r:Float); Rect(w:Float, h:Float); Square(w:Float); Poly(pts:Array<Int>, closed:Bool); Empty; }
enum Tree<T> { Leaf(v:T); Node(l:Tree<T>, r:Tree<T>); }

class MyErr extends haxe.Exception {}

class ControlQuirks {
    static function area(s:Shape):Float {
        return switch (s) {
            case Circle(r): Math.PI * r * r;
            case Rect(w, h) if (w == h): w * w;
            case Rect(w, _) | Square(w): w;
            case Poly(pts, true) if (pts.length > 2): pts.length;
            case Poly(_, _): 0;
            case Empty: -1;
        }
    }
    static function depth<T>(t:Tree<T>):Int {
        return switch (t) { case Leaf(_): 1; case Node(l, r): 1 + Std.int(Math.max(depth(l), depth(r))); }
    }
    static function tryReturn(x:Int):Int {
        try {
            if (x > 3) return x;
            for (i in 0...x) {
                try {
                    if (i == 1) continue;
                    if (i == 2) break;
                    if (i == 5) return i;
                    throw new MyErr("e" + i);
                } catch (e:MyErr) {
                    if (x == 2) return -2;
                    continue;
                } catch (e:String) {
                    throw e;
                }
            }
            while (true) {
                try { x--; if (x < 0) break; } catch (e:Dynamic) { return 0; }
            }
        } catch (e:Dynamic) {
            try { throw e; } catch (e2:haxe.Exception) { return 1; }
        }
        return x;
    }
    static function sw(s:String, i:Int):Int {
        var r = switch (s) { case "a": 1; case "b" | "c": 2; default: 3; }
        r += switch (i) { case 0: 10; case 1 | 2 | 3: 20; case 100: 30; case n if (n < 0): 40; default: 50; }
        var u:UInt = i;
        if (u > 10) r++;
        return r;
    }
    static function main() {
        var shapes = [Circle(1), Rect(2, 2), Rect(2, 3), Square(4), Poly([1, 2, 3], true), Poly([], false), Empty];
        var t = 0.0;
        for (s in shapes) t += area(s);
        var tree = Node(Leaf(1), Node(Leaf(2), Leaf(3)));
        trace(t, depth(tree), tryReturn(2), tryReturn(5), sw("b", 2), sw("z", -1));
        var ev:EnumValue = tree;
        trace(Type.enumIndex(ev), Type.enumParameters(ev).length);
        var o = Lambda.fold([1, 2, 3], (x, acc) -> x + acc, 0);
        do { o--; } while (o > 0);
        for (i in 0...3) for (j in 0...3) if (j == i) continue;
        trace(o);
    }
}
