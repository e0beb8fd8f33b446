// sys.net: a loopback TCP server and client in one thread (non-blocking sockets, Socket.select), lines both ways, peer/host addresses, UDP to itself on 127.0.0.1, Host, connecting to a closed port, close and shutdown.
import sys.net.Host;
import sys.net.Socket;
import sys.net.UdpSocket;
import sys.net.Address;
import haxe.io.Bytes;

class SocketUse {
	static function readLineNB(s:Socket, other:Socket):String {
		// reads one line from a non-blocking socket, waiting with select (bounded)
		var buf = new StringBuf();
		for (round in 0...200) {
			var r = Socket.select([s], null, null, 1.0);
			if (r.read.length == 0)
				continue;
			try {
				while (true) {
					var c = s.input.readByte();
					if (c == "\n".code)
						return buf.toString();
					buf.addChar(c);
				}
			} catch (e:haxe.io.Error) {
				// Blocked: wait again
			}
		}
		return "timeout: " + buf.toString();
	}

	static function main() {
		var local = new Host("127.0.0.1");
		trace(local.toString());
		trace(new Host("localhost").toString());
		trace(local.ip == new Host("127.0.0.1").ip);
		trace(new Host("10.1.2.3").toString());
		trace(Host.localhost().length > 0);

		// ---- TCP server and client ----
		var server = new Socket();
		server.bind(local, 0);
		server.listen(4);
		var port = server.host().port;
		trace(port > 0);
		server.setBlocking(false);
		trace(server.accept() == null); // nothing pending yet

		var client = new Socket();
		client.setBlocking(false);
		client.connect(local, port); // in progress on a non-blocking socket
		var r = Socket.select([server], null, null, 5.0);
		trace("server readable: " + r.read.length);
		var conn = server.accept();
		trace(conn != null);
		conn.setBlocking(false);
		var w = Socket.select(null, [client], null, 5.0);
		trace("client writable: " + w.write.length);
		trace(client.peer().host.toString() + " " + (client.peer().port == port));
		trace(conn.host().host.toString() + " " + (conn.host().port == port));
		trace(conn.peer().port == client.host().port);
		client.setFastSend(true);

		client.output.writeString("hello server\n");
		trace(readLineNB(conn, client));
		conn.output.writeString("hello client\n");
		conn.output.writeString("second line\n");
		trace(readLineNB(client, conn));
		trace(readLineNB(client, conn));

		// nothing to read: Blocked
		try {
			client.input.readByte();
			trace("read?");
		} catch (e:haxe.io.Error) {
			trace("blocked: " + e);
		}
		// select with a zero timeout on an idle socket
		var idle = Socket.select([client, conn], [], null, 0);
		trace("idle: " + idle.read.length + " " + idle.write.length);
		// select returns the ready sockets in order
		client.output.writeString("x");
		var both = Socket.select([client, conn], [client, conn], null, 5.0);
		trace("ready: " + (both.read[0] == conn) + " " + both.read.length + " " + both.write.length);
		trace(String.fromCharCode(conn.input.readByte()));

		// a blocking write/read with a timeout
		conn.setBlocking(true);
		conn.setTimeout(0.05);
		try {
			conn.input.readByte();
			trace("read?");
		} catch (e:Dynamic) {
			trace("timeout: " + e);
		}

		// shutdown: the other side sees the end of the stream
		client.shutdown(false, true);
		try {
			conn.input.readByte();
			trace("read?");
		} catch (e:haxe.io.Eof) {
			trace("eof after shutdown");
		}
		client.close();
		conn.close();
		// writing to a socket whose peer is gone: an error, never a signal
		server.setBlocking(true);
		var c2 = new Socket();
		c2.connect(local, port);
		var s2 = server.accept();
		s2.close();
		var failed = false;
		for (i in 0...50) {
			try {
				c2.output.writeString("data after close\n");
			} catch (e:Dynamic) {
				failed = true;
				break;
			}
			Sys.sleep(0.005);
		}
		trace("write to closed peer failed: " + failed);
		c2.close();
		server.close();

		// connecting to a port nobody listens on (the server's, now closed)
		var c3 = new Socket();
		try {
			c3.connect(local, port);
			trace("connected?");
		} catch (e:Dynamic) {
			trace("connect refused: " + StringTools.replace(Std.string(e), ":" + port, ":PORT"));
		}
		c3.close();

		// ---- UDP to itself ----
		var u = new UdpSocket();
		u.bind(local, 0);
		var uport = u.host().port;
		var addr = new Address();
		addr.host = local.ip;
		addr.port = uport;
		var msg = Bytes.ofString("datagram!");
		trace("sent " + u.sendTo(msg, 0, msg.length, addr));
		var rbuf = Bytes.alloc(64);
		var from = new Address();
		var n = u.readFrom(rbuf, 0, 64, from);
		trace("received " + n + " " + rbuf.getString(0, n) + " " + (from.port == uport) + " " + (from.host == local.ip));
		u.setBlocking(false);
		try {
			u.readFrom(rbuf, 0, 64, from);
			trace("read?");
		} catch (e:Dynamic) {
			trace("udp blocked: " + e);
		}
		u.setBroadcast(true);
		u.close();
		trace("done");
	}
}
