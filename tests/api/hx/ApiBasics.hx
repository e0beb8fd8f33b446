// A small module for the API tests: a class with statics, instance methods and a main.
class ApiBasics {
	public static var counter:Int = 0;

	public static function add(a:Int, b:Int):Int {
		return a + b;
	}

	public static function main() {
		counter = add(2, 3);
		Sys.println('counter=$counter');
	}
}
