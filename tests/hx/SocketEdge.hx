// sys.net edge cases on loopback: blocking client/server with timeouts (read timing out, accept timing out), binding a port in use, connecting to an unresolvable host and a closed port, reading after the peer closed (Eof), large transfers split across reads, writing after shutdown, select on an empty set, Host of invalid addresses, UDP datagram boundaries and broadcast flag.
import sys.net.Host;
import sys.net.Socket;
import sys.net.UdpSocket;
import sys.net.Address;
import haxe.io.Bytes;

class SocketEdge {
	static function attempt(label:String, f:Void->Dynamic) {
		var r = try Std.string(f()) catch (e:haxe.io.Eof) "Eof" catch (e:haxe.io.Error) "Error." + e catch (e:Dynamic) "throws " + Std.string(e);
		Sys.println(label + " = " + ~/127\.0\.0\.1:[0-9]+/g.replace(r, "127.0.0.1:<port>"));
	}

	static function main() {
		var local = new Host("127.0.0.1");
		attempt("host invalid", () -> new Host("definitely.invalid.").toString());
		attempt("host numeric", () -> new Host("1.2.3.4").toString() + " " + new Host("255.255.255.255").toString() + " " + new Host("0.0.0.0").toString());

		var server = new Socket();
		server.bind(local, 0);
		server.listen(2);
		var port = server.host().port;
		attempt("bind in use", () -> {
			var s2 = new Socket();
			try {
				s2.bind(local, port);
			} catch (e:Dynamic) {
				s2.close();
				throw e;
			}
			s2.close();
			return "bound";
		});
		attempt("accept timeout", () -> {
			server.setTimeout(0.1);
			var t0 = Sys.time();
			try {
				return "accepted " + (server.accept() != null);
			} catch (e:Dynamic) {
				return "timed out after >=0.05s: " + (Sys.time() - t0 >= 0.05) + " (" + e + ")";
			}
		});
		server.setTimeout(5);
		var client = new Socket();
		client.connect(local, port);
		var conn = server.accept();
		attempt("read timeout", () -> {
			conn.setTimeout(0.1);
			return conn.input.readByte();
		});
		conn.setTimeout(5);
		attempt("large transfer", () -> {
			var payload = Bytes.alloc(200000);
			for (i in 0...payload.length)
				payload.set(i, i % 251);
			// the peer reads while we write: send in slices and read what arrived
			var got = Bytes.alloc(payload.length);
			var sent = 0, recv = 0;
			client.setBlocking(false);
			conn.setBlocking(false);
			while (recv < payload.length) {
				if (sent < payload.length) {
					try {
						sent += client.output.writeBytes(payload, sent, Std.int(Math.min(8192, payload.length - sent)));
					} catch (e:haxe.io.Error) {}
				}
				try {
					recv += conn.input.readBytes(got, recv, payload.length - recv);
				} catch (e:haxe.io.Error) {
					Socket.select([conn], null, null, 0.05);
				}
			}
			client.setBlocking(true);
			conn.setBlocking(true);
			return recv + " same=" + (got.compare(payload) == 0);
		});
		attempt("select empty", () -> {
			var r = Socket.select([], [], [], 0.01);
			return r.read.length + "," + r.write.length + "," + r.others.length;
		});
		attempt("select readable", () -> {
			client.output.writeString("x");
			client.output.flush();
			var r = Socket.select([conn, server], null, null, 2);
			return r.read.length + " isConn=" + (r.read[0] == conn) + " byte=" + conn.input.readByte();
		});
		attempt("eof after peer close", () -> {
			client.output.writeString("bye\n");
			client.close();
			var line = conn.input.readLine();
			return line + " then " + (try Std.string(conn.input.readByte()) catch (e:haxe.io.Eof) "Eof");
		});
		attempt("write after shutdown", () -> {
			conn.shutdown(false, true);
			conn.output.writeString("late");
			conn.output.flush();
			return "written";
		});
		conn.close();
		server.close();
		attempt("connect closed port", () -> {
			var c = new Socket();
			try {
				c.connect(local, port);
			} catch (e:Dynamic) {
				c.close();
				throw e;
			}
			return "connected";
		});
		attempt("connect invalid host", () -> {
			var c = new Socket();
			c.connect(new Host("definitely.invalid."), 80);
			return "connected";
		});

		var u1 = new UdpSocket(), u2 = new UdpSocket();
		u1.bind(local, 0);
		u2.bind(local, 0);
		var a2 = new Address();
		a2.host = local.ip;
		a2.port = u2.host().port;
		u1.sendTo(Bytes.ofString("first datagram"), 0, 14, a2);
		u1.sendTo(Bytes.ofString("second"), 0, 6, a2);
		u1.sendTo(Bytes.alloc(0), 0, 0, a2);
		var buf = Bytes.alloc(5);
		var from = new Address();
		attempt("datagram truncated", () -> {
			var n = u2.readFrom(buf, 0, 5, from);
			return n + " " + buf.getString(0, n) + " from port ok=" + (from.port == u1.host().port);
		});
		attempt("next datagram", () -> {
			var b2 = Bytes.alloc(100);
			var n = u2.readFrom(b2, 0, 100, from);
			return n + " " + b2.getString(0, n);
		});
		attempt("empty datagram", () -> u2.readFrom(Bytes.alloc(10), 0, 10, from));
		attempt("broadcast flag", () -> {
			u1.setBroadcast(true);
			u1.setBroadcast(false);
			return "ok";
		});
		attempt("udp read timeout", () -> {
			u2.setTimeout(0.1);
			return u2.readFrom(Bytes.alloc(10), 0, 10, from);
		});
		u1.close();
		u2.close();
		Sys.println("done");
	}
}
