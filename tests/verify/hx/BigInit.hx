// Verifier corpus: one huge function. A macro expands 50,000-element array literals, which genhl
// initialises in a single function of a few hundred thousand ops: verification must stay within the
// load memory budget (8 x file size) for it (it did not with a decoded-op array).
class BigInit {
    static var ints:Array<Int> = BigInitMacro.literal(50000, false);
    static var floats:Array<Float> = BigInitMacro.literal(10000, true);

    static function main() {
        trace(ints.length + floats.length);
    }
}
