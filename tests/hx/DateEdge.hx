// Dates at the edges (run with TZ=UTC): the 32-bit unsigned seconds range, times before 1970 and after 2038, fromTime/fromString/toString round trips, out-of-range components normalised, UTC getters, DateTools.format specifiers, delta and getMonthDays.
// hx-flags: -D hl-ver=1.11.0
class DateEdge {
	static function show(label:String, d:Date) {
		Sys.println(label + " " + d.toString() + " t=" + d.getTime() + " day=" + d.getDay() + " utc=" + d.getUTCFullYear() + "-" + (d.getUTCMonth() + 1)
			+ "-" + d.getUTCDate() + " " + d.getUTCHours() + ":" + d.getUTCMinutes() + ":" + d.getUTCSeconds() + " utcday=" + d.getUTCDay() + " tz="
			+ d.getTimezoneOffset());
	}

	static function main() {
		show("epoch", Date.fromTime(0));
		show("one second", Date.fromTime(1000));
		show("ms truncated", Date.fromTime(1999));
		show("2038", Date.fromTime(2147483647000.0));
		show("after 2038", Date.fromTime(2147483648000.0));
		show("2106", Date.fromTime(4294967295000.0));
		show("wrap 2106", Date.fromTime(4294967296000.0));
		show("before epoch", Date.fromTime(-1000));
		show("1901", Date.fromTime(-2147483648000.0));
		show("components", new Date(2024, 1, 29, 23, 59, 59));
		show("month 12", new Date(2023, 12, 1, 0, 0, 0));
		show("day 0", new Date(2023, 2, 0, 0, 0, 0));
		show("hour 25", new Date(2023, 0, 1, 25, 61, 61));
		show("negative month", new Date(2023, -1, 15, 12, 0, 0));
		show("1969", new Date(1969, 11, 31, 23, 59, 59));
		show("2000", new Date(2000, 0, 1, 0, 0, 0));
		for (s in ["2021-03-04 05:06:07", "2021-03-04", "12:34:56", "1999-12-31 23:59:59", "2020-02-30", "2020-13-01 00:00:00"])
			show("fromString " + s, Date.fromString(s));
		for (s in ["2021-3-4", "", "2021/03/04 05:06:07", "abc"]) {
			try {
				show("fromString [" + s + "]", Date.fromString(s));
			} catch (e:Dynamic) {
				Sys.println("fromString [" + s + "] !! " + e);
			}
		}
		var d = new Date(2009, 6, 4, 13, 5, 9);
		for (f in ["%Y-%m-%d", "%H:%M:%S", "%y %e %r", "%a %A %b %B", "%D %T", "%F %R", "%I %p", "%C %u %w", "%%", "%s", "%k|%l", "%h %n %t|"])
			Sys.println("format " + f + " => " + StringTools.replace(StringTools.replace(DateTools.format(d, f), "\n", "\\n"), "\t", "\\t"));
		try {
			DateTools.format(d, "%j");
		} catch (e:haxe.exceptions.NotImplementedException) {
			Sys.println("format %j !! " + e.message);
		}
		Sys.println("format midnight=" + DateTools.format(new Date(2010, 0, 1, 0, 0, 0), "%I %p %l") + " noon="
			+ DateTools.format(new Date(2010, 0, 1, 12, 0, 0), "%I %p %l"));
		Sys.println("delta=" + DateTools.delta(d, DateTools.days(1) + DateTools.hours(2)).toString() + " neg="
			+ DateTools.delta(d, -DateTools.minutes(65)).toString());
		Sys.println("monthDays=" + [for (m in 0...12) DateTools.getMonthDays(new Date(2024, m, 1, 0, 0, 0))].join(",") + " 2100 feb="
			+ DateTools.getMonthDays(new Date(2100, 1, 1, 0, 0, 0)));
		Sys.println("parse=" + DateTools.parse(90061001.0).days + "d " + DateTools.parse(90061001.0).hours + "h " + DateTools.parse(90061001.0).ms + "ms");
		Sys.println("make=" + DateTools.make({ms: 1.0, seconds: 2, minutes: 3, hours: 4, days: 5}));
		var a = Date.fromString("2020-01-01 00:00:00"), b = Date.fromString("2021-01-01 00:00:00");
		Sys.println("difference days=" + (b.getTime() - a.getTime()) / DateTools.days(1));
		Sys.println("Std.string=" + Std.string(a) + " dyn=" + Std.string((a : Dynamic)));
	}
}
