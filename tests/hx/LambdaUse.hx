// Lambda: array, list, map, mapi, flatten, flatMap, has, exists, foreach, iter, filter, fold, count, empty, indexOf, find, concat.
using Lambda;

class LambdaUse {
	static function main() {
		var a = [3, 1, 4, 1, 5, 9, 2, 6];
		Sys.println("count=" + a.count() + " count odd=" + a.count(x -> x % 2 == 1));
		Sys.println("has 5=" + a.has(5) + " has 7=" + a.has(7));
		Sys.println("exists >8=" + a.exists(x -> x > 8) + " foreach >0=" + a.foreach(x -> x > 0) + " foreach >1=" + a.foreach(x -> x > 1));
		Sys.println("fold sum=" + a.fold((x, acc) -> acc + x, 0) + " fold string=" + a.fold((x:Int, acc:String) -> acc + x, ""));
		Sys.println("find first >3=" + a.find(x -> x > 3) + " none=" + a.find(x -> x > 100));
		Sys.println("findIndex=" + a.findIndex(x -> x == 9) + " indexOf=" + a.indexOf(4));
		Sys.println("empty=" + a.empty() + " " + [].empty());
		Sys.println("map=" + a.map(x -> x * 2) + " mapi=" + a.mapi((i, x) -> i * x));
		Sys.println("filter=" + a.filter(x -> x > 3));
		var nested = [[1, 2], [3], [], [4, 5]];
		Sys.println("flatten=" + nested.flatten() + " flatMap=" + [1, 2, 3].flatMap(x -> [x, x * 10]));
		Sys.println("concat=" + [1, 2].concat([3]) + " Lambda.concat=" + Lambda.concat([1], [2, 3]));
		var seen = [];
		a.iter(x -> if (x > 4) seen.push(x));
		Sys.println("iter=" + seen);
		var list = a.list();
		Sys.println("list=" + list + " length=" + list.length);
		var it = {iterator: () -> [7, 8, 9].iterator()};
		Sys.println("on Iterable array=" + Lambda.array(it) + " count=" + Lambda.count(it));
		var strs = ["bb", "a", "ccc"];
		Sys.println("strings fold max length=" + strs.fold((s, m) -> s.length > m ? s.length : m, 0));
		var map = ["x" => 1, "y" => 2];
		Sys.println("map count=" + map.count() + " has 2=" + map.has(2));
	}
}
