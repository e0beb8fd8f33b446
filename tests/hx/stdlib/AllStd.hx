// The Haxe standard library as it targets HashLink, pulled in as a whole: compiled with `-dce no` (every field of every
// referenced module kept) by build_corpus.sh in several variants (debug info on/off, bytecode v4/v5, hl-ver 1.12).
// Running it only prints the number of modules referenced; the point is the bytecode (loader/verifier coverage).
import haxe.CallStack;
import haxe.Constraints;
import haxe.DynamicAccess;
import haxe.EntryPoint;
import haxe.EnumFlags;
import haxe.EnumTools;
import haxe.Exception;
import haxe.Int32;
import haxe.Int64;
import haxe.Int64Helper;
import haxe.Json;
import haxe.Log;
import haxe.MainLoop;
import haxe.NativeStackTrace;
import haxe.PosInfos;
import haxe.Resource;
import haxe.Rest;
import haxe.Serializer;
import haxe.SysTools;
import haxe.Template;
import haxe.Timer;
import haxe.Unserializer;
import haxe.ValueException;
import haxe.crypto.Adler32;
import haxe.crypto.Base64;
import haxe.crypto.BaseCode;
import haxe.crypto.Crc32;
import haxe.crypto.Hmac;
import haxe.crypto.Md5;
import haxe.crypto.Sha1;
import haxe.crypto.Sha224;
import haxe.crypto.Sha256;
import haxe.ds.ArraySort;
import haxe.ds.BalancedTree;
import haxe.ds.Either;
import haxe.ds.EnumValueMap;
import haxe.ds.GenericStack;
import haxe.ds.HashMap;
import haxe.ds.IntMap;
import haxe.ds.List;
import haxe.ds.ListSort;
import haxe.ds.ObjectMap;
import haxe.ds.Option;
import haxe.ds.ReadOnlyArray;
import haxe.ds.StringMap;
import haxe.ds.Vector;
import haxe.ds.WeakMap;
import haxe.exceptions.ArgumentException;
import haxe.exceptions.NotImplementedException;
import haxe.exceptions.PosException;
import haxe.format.JsonParser;
import haxe.format.JsonPrinter;
import haxe.io.ArrayBufferView;
import haxe.io.BufferInput;
import haxe.io.Bytes;
import haxe.io.BytesBuffer;
import haxe.io.BytesInput;
import haxe.io.BytesOutput;
import haxe.io.Encoding;
import haxe.io.Eof;
import haxe.io.Error;
import haxe.io.FPHelper;
import haxe.io.Float32Array;
import haxe.io.Float64Array;
import haxe.io.Input;
import haxe.io.Int32Array;
import haxe.io.Mime;
import haxe.io.Output;
import haxe.io.Path;
import haxe.io.Scheme;
import haxe.io.StringInput;
import haxe.io.UInt16Array;
import haxe.io.UInt32Array;
import haxe.io.UInt8Array;
import haxe.iterators.StringIteratorUnicode;
import haxe.iterators.StringKeyValueIteratorUnicode;
import haxe.rtti.Meta;
import haxe.xml.Access;
import haxe.xml.Parser;
import haxe.xml.Printer;
import haxe.zip.Compress;
import haxe.zip.Entry;
import haxe.zip.Huffman;
import haxe.zip.InflateImpl;
import haxe.zip.Reader;
import haxe.zip.Tools;
import haxe.zip.Uncompress;
import haxe.zip.Writer;
import sys.FileStat;
import sys.FileSystem;
import sys.Http;
import sys.db.Connection;
import sys.db.Mysql;
import sys.db.ResultSet;
import sys.db.Sqlite;
import sys.io.File;
import sys.io.FileInput;
import sys.io.FileOutput;
import sys.io.FileSeek;
import sys.io.Process;
import sys.net.Address;
import sys.net.Host;
import sys.net.Socket;
import sys.net.UdpSocket;
import sys.ssl.Certificate;
import sys.ssl.Digest;
import sys.ssl.DigestAlgorithm;
import sys.ssl.Key;
import sys.thread.Deque;
import sys.thread.ElasticThreadPool;
import sys.thread.EventLoop;
import sys.thread.FixedThreadPool;
import sys.thread.Lock;
import sys.thread.Mutex;
import sys.thread.Thread;
import sys.thread.Tls;

class AllStd {
	static function main() {
		var classes:Array<Dynamic> = [
			// top level
			String, Std, Reflect, Type, Math, EReg, Date, DateTools, StringBuf, StringTools, Sys, Lambda, List, Xml, IntIterator,
			// haxe
			EntryPoint, Exception, Int64Helper, Json, Log, MainLoop, NativeStackTrace, Resource, Serializer,
			SysTools, Template, Timer, Unserializer, ValueException,
			// haxe.crypto
			Adler32, Base64, BaseCode, Crc32, Hmac, Md5, Sha1, Sha224, Sha256,
			// haxe.ds
			ArraySort, BalancedTree, EnumValueMap, GenericStack, IntMap, ListSort, ObjectMap, StringMap, WeakMap,
			// haxe.exceptions, haxe.format
			ArgumentException, NotImplementedException, PosException, JsonParser, JsonPrinter,
			// haxe.io
			BufferInput, Bytes, BytesBuffer, BytesInput, BytesOutput, Eof, FPHelper, Input, Output, Path, StringInput,
			// haxe.rtti, haxe.xml, haxe.zip
			Meta, haxe.rtti.Rtti, haxe.rtti.XmlParser, Parser, Printer, Compress, Huffman, InflateImpl, Reader, Tools, Uncompress, Writer,
			// sys
			FileSystem, Http, Mysql, Sqlite, File, FileInput, FileOutput, Process, Host, Socket, UdpSocket, Certificate, Digest, Key,
			sys.ssl.Socket, ElasticThreadPool, FixedThreadPool, Lock,
			// hl
			hl.Gc, hl.Profile, hl.UI, hl.Format, hl.types.ArrayObj, hl.types.ArrayDyn,
		];
		var enums:Array<Dynamic> = [
			haxe.io.Error, Encoding, Either, Option, haxe.ds.Option, haxe.StackItem, haxe.xml.Parser.XmlParserException, haxe.zip.ExtraField,
			haxe.zip.FlushMode, FileSeek, haxe.rtti.CType,
		];
		var extra = [
			Vector.fromArrayCopy([1]).length, new HashMap<Key2, Int>().keys().hasNext() ? 1 : 0, UInt8Array.fromArray([1]).length,
			UInt16Array.fromArray([1]).length, UInt32Array.fromArray([1]).length, Int32Array.fromArray([1]).length,
			Float32Array.fromArray([1.0]).length, Float64Array.fromArray([1.0]).length, new EnumFlags<haxe.io.Error>().toInt(),
			Int64.toInt(Int64.make(0, 1)), new haxe.ds.List<Int>().length, ({var r:ReadOnlyArray<Int> = [1, 2]; r.length;}),
		];
		Sys.println("modules=" + classes.length + " enums=" + enums.length + " extra=" + extra.length);
	}
}

class Untouched {
	// Never called: abstracts cannot be used as values, so they are referenced here (compiled because of -dce no).
	static function touch():Void {
		var d = new Deque<Int>();
		var m = new Mutex();
		var t = new Tls<Int>();
		var s = CallStack.callStack();
		var bm = new hl.types.BytesMap();
		var im = new hl.types.IntMap();
		var om = new hl.types.ObjectMap();
		var alg:DigestAlgorithm = SHA256;
		var mime:Mime = TextPlain;
		var scheme:Scheme = Http;
		var i32:Int32 = 5;
		var cfg = new sys.ssl.Context.Config(false);
		var ctx = new sys.ssl.Context(cfg);
		var f = function() {};
		hl.Api.getClosureValue(f);
		hl.Api.noClosure(f);
		hl.Api.makeClosure(f, null);
		hl.Api.getVirtualValue(null);
		hl.Api.comparePointer(f, f);
		hl.Api.is64();
		hl.Api.getField(null, 0);
		hl.Api.setField(null, 0, null);
		hl.Api.hasField(null, 0);
		hl.Api.deleteField(null, 0);
		hl.Api.safeCast(null, hl.Type.get(0));
		hl.Api.setErrorHandler(null);
		hl.Api.breakPoint();
		hl.Api.rethrow(null);
	}
}

class Key2 {
	public function new() {}

	public function hashCode():Int {
		return 0;
	}
}
