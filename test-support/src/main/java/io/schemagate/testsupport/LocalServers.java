package io.schemagate.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.springframework.core.NestedExceptionUtils;

/**
 * Finds a server where a developer machine or a CI runner conventionally has one:
 * PostgreSQL on {@code 127.0.0.1:5432} as {@code postgres}, MariaDB on
 * {@code 127.0.0.1:3306} as {@code root}, both without a password. A closed port is told
 * within a fraction of a second, so machines without the servers lose no time here.
 *
 * @author Schemagate
 */
final class LocalServers {

	private static final String HOST = "127.0.0.1";

	/**
	 * A loopback connect is answered at once; the bound only covers a firewall that
	 * drops.
	 */
	private static final int PROBE_TIMEOUT_MILLIS = 500;

	private LocalServers() {
	}

	static DatabaseServer locate(DatabaseKind kind) {
		int port = kind.defaultPort();
		if (!listening(port)) {
			throw new IllegalStateException("nothing listens on " + HOST + ":" + port);
		}
		String url = kind.adminUrl(HOST, port);
		DatabaseServer server = new DatabaseServer(kind, url, kind.defaultUsername(), "",
				"local server " + url + " (user " + kind.defaultUsername() + ")");
		try {
			return server.verified();
		}
		catch (RuntimeException ex) {
			String cause = NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
			throw new IllegalStateException(url + " (user " + kind.defaultUsername() + ") refused: " + cause, ex);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), PROBE_TIMEOUT_MILLIS);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
