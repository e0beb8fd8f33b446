// Date and DateTools: construction from components, getters, arithmetic via getTime/delta, formatting, fromString/toString.
class DateUse {
	static function main() {
		var d = new Date(2021, 2, 14, 15, 9, 26);
		Sys.println("toString=" + d.toString());
		Sys.println("getters=" + [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getDay()]);
		var later = DateTools.delta(d, DateTools.days(20) + DateTools.hours(10));
		Sys.println("delta 20 days 10 hours=" + later.toString());
		var diff = later.getTime() - d.getTime();
		Sys.println("diff ms=" + diff + " days=" + diff / DateTools.days(1));
		Sys.println("format=" + DateTools.format(d, "%Y-%m-%d %H:%M:%S") + " " + DateTools.format(d, "%d/%m/%y %I:%M %p"));
		Sys.println("format names=" + DateTools.format(d, "%A %a %B %b %e %D %T %%"));
		Sys.println("getMonthDays Feb 2020=" + DateTools.getMonthDays(new Date(2020, 1, 1, 0, 0, 0)) + " Feb 2021="
			+ DateTools.getMonthDays(new Date(2021, 1, 1, 0, 0, 0)));
		var parsed = Date.fromString("2019-12-31 23:59:59");
		Sys.println("fromString full=" + parsed.toString() + " year=" + parsed.getFullYear());
		var dayOnly = Date.fromString("2000-01-01");
		Sys.println("fromString date=" + dayOnly.toString());
		var timeOnly = Date.fromString("12:34:56");
		Sys.println("fromString time hours=" + timeOnly.getHours() + " minutes=" + timeOnly.getMinutes());
		var next = DateTools.delta(parsed, 1000);
		Sys.println("new year=" + next.toString());
		var p = DateTools.parse(93784005.0);
		Sys.println("parse ms=" + p.days + "d " + p.hours + "h " + p.minutes + "m " + p.seconds + "s " + p.ms + "ms");
		Sys.println("make=" + DateTools.make({ms: 5, seconds: 4, minutes: 3, hours: 2, days: 1}));
		var leap = new Date(2024, 1, 29, 0, 0, 0);
		Sys.println("leap day=" + leap.toString() + " weekday=" + leap.getDay());
		var roll = new Date(2021, 0, 32, 0, 0, 0);
		Sys.println("day overflow normalised=" + roll.toString());
		var epoch = Date.fromTime(0);
		Sys.println("fromTime(0) year>=1969=" + (epoch.getFullYear() >= 1969));
		Sys.println("compare=" + (d.getTime() < later.getTime()));
	}
}
