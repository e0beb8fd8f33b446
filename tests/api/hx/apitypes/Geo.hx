// A class in a package, for dotted type names in the reflection tests (test_types.c).
package apitypes;

@:keep
class Geo {
	public var lat:Float;
	public var lon:Float;

	public function new(lat:Float, lon:Float) {
		this.lat = lat;
		this.lon = lon;
	}

	public function sum():Float {
		return lat + lon;
	}
}
