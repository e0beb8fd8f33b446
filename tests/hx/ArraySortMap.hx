// Array algorithms: sort with comparators, splice, map, filter, comprehensions, keyValueIterator, ArraySort, nested loops.
class ArraySortMap {
	static function main() {
		var nums = [5, 3, 9, 1, 7, 2, 8];
		var sorted = nums.copy();
		sorted.sort((a, b) -> a - b);
		Sys.println("sort asc=" + sorted);
		sorted.sort((a, b) -> b - a);
		Sys.println("sort desc=" + sorted);
		var words = ["pear", "fig", "apple", "kiwi", "banana"];
		words.sort((a, b) -> a.length != b.length ? a.length - b.length : (a < b ? -1 : (a > b ? 1 : 0)));
		Sys.println("sort by length then alpha=" + words);
		var recs = [for (i in 0...10) {k: i % 3, i: i}];
		recs.sort((a, b) -> a.k - b.k);
		Sys.println("stable sort=" + [for (r in recs) r.k + ":" + r.i].join(" "));
		var sp = [0, 1, 2, 3, 4, 5, 6];
		var removed = sp.splice(2, 3);
		Sys.println("splice(2,3) removed=" + removed + " left=" + sp);
		var sp2 = [0, 1, 2, 3, 4];
		Sys.println("splice(-2,1)=" + sp2.splice(-2, 1) + " left=" + sp2);
		Sys.println("splice beyond=" + [1, 2].splice(5, 1) + " negative len=" + [1, 2].splice(0, -1));
		Sys.println("map=" + nums.map(x -> x * x) + " to strings=" + nums.map(x -> "n" + x).join(""));
		Sys.println("filter even=" + nums.filter(x -> x % 2 == 0) + " none=" + nums.filter(x -> x > 100));
		Sys.println("comprehension=" + [for (x in nums) if (x > 4) x * 10]);
		Sys.println("while comprehension=" + {
			var i = 0;
			[while (i < 4) i++];
		});
		var pairs = [];
		for (i => v in ["a", "b", "c"])
			pairs.push(i + v);
		Sys.println("keyValue iteration=" + pairs);
		var grid = [for (y in 0...3) [for (x in 0...3) x + y * 3]];
		Sys.println("grid=" + grid);
		var transposed = [for (x in 0...3) [for (y in 0...3) grid[y][x]]];
		Sys.println("transposed=" + transposed);
		var fa = [2.5, -1.0, 0.5];
		haxe.ds.ArraySort.sort(fa, (a, b) -> a < b ? -1 : (a > b ? 1 : 0));
		Sys.println("ArraySort floats=" + fa);
		var objs = [for (i in 0...5) {name: "n" + (4 - i), v: i}];
		objs.sort((a, b) -> Reflect.compare(a.name, b.name));
		Sys.println("sort objects by name=" + [for (o in objs) o.name]);
		var big = [for (i in 0...200) (i * 7919) % 211];
		big.sort((a, b) -> a - b);
		var okSorted = true;
		for (i in 1...big.length)
			if (big[i - 1] > big[i])
				okSorted = false;
		Sys.println("big sort ok=" + okSorted + " first=" + big[0] + " last=" + big[big.length - 1]);
		var dyns:Array<Dynamic> = [3, 1, 2];
		dyns.sort(Reflect.compare);
		Sys.println("dynamic sort=" + dyns);
		var strs = ["b", "a", "c"];
		strs.sort(Reflect.compare);
		Sys.println("Reflect.compare sort=" + strs);
		var total = 0;
		for (row in grid)
			for (v in row) {
				if (v == 4)
					continue;
				if (v == 8)
					break;
				total += v;
			}
		Sys.println("nested loop total=" + total);
	}
}
