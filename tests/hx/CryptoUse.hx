// haxe.crypto: Md5, Sha1, Sha224, Sha256, Base64 (encode/decode, url-safe), Crc32, Adler32, Hmac, BaseCode.
import haxe.crypto.*;
import haxe.io.Bytes;

class CryptoUse {
	static function main() {
		Sys.println("md5 empty=" + Md5.encode("") + " abc=" + Md5.encode("abc"));
		Sys.println("sha1 abc=" + Sha1.encode("abc"));
		Sys.println("sha224 abc=" + Sha224.encode("abc"));
		Sys.println("sha256 abc=" + Sha256.encode("abc"));
		Sys.println("md5 bytes=" + Md5.make(Bytes.ofString("The quick brown fox")).toHex());
		Sys.println("sha1 bytes=" + Sha1.make(Bytes.ofString("abc")).toHex());
		Sys.println("sha256 long=" + Sha256.encode([for (i in 0...100) "x"].join("")));
		var b64 = Base64.encode(Bytes.ofString("hello world!?"));
		Sys.println("base64=" + b64 + " decode=" + Base64.decode(b64).toString());
		Sys.println("base64 no pad=" + Base64.encode(Bytes.ofString("ab"), false) + " pad=" + Base64.encode(Bytes.ofString("ab")));
		Sys.println("base64 url=" + Base64.urlEncode(Bytes.ofHex("fbff"), false) + " decode=" + Base64.urlDecode("-_8").toHex());
		Sys.println("crc32=" + Crc32.make(Bytes.ofString("123456789")) + " hex=" + StringTools.hex(Crc32.make(Bytes.ofString("abc")), 8));
		var crc = new Crc32();
		crc.byte("a".code);
		crc.update(Bytes.ofString("bc"), 0, 2);
		Sys.println("crc32 incremental=" + StringTools.hex(crc.get(), 8));
		Sys.println("adler32=" + Adler32.make(Bytes.ofString("Wikipedia")));
		var hmac = new Hmac(SHA256);
		Sys.println("hmac sha256=" + hmac.make(Bytes.ofString("key"), Bytes.ofString("The quick brown fox jumps over the lazy dog")).toHex());
		Sys.println("hmac md5=" + new Hmac(MD5).make(Bytes.ofString("k"), Bytes.ofString("msg")).toHex());
		var bc = new BaseCode(Bytes.ofString("0123456789abcdef"));
		Sys.println("BaseCode hex encode=" + bc.encodeString("AZ") + " decode=" + bc.decodeString("415a"));
		Sys.println("md5 unicode=" + Md5.encode("héllo"));
	}
}
