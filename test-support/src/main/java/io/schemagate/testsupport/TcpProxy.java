package io.schemagate.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on loopback between an application and its database, so a test can take the
 * database away ({@link #cut()}) and give it back ({@link #restore()}) without stopping a
 * server other tests share.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ServerSocket server;

	/**
	 * Start a proxy to a target on an ephemeral loopback port.
	 * @param targetHost the target host
	 * @param targetPort the target port
	 */
	public TcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.port = listen(0);
	}

	/**
	 * The loopback port the proxy listens on, the same after a {@link #restore()}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stop listening and close every connection, as a database that went away.
	 */
	public synchronized void cut() {
		closeQuietly(this.server);
		this.server = null;
		this.sockets.forEach(TcpProxy::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Listen again on the same port.
	 */
	public synchronized void restore() {
		if (this.server == null) {
			listen(this.port);
		}
	}

	@Override
	public void close() {
		cut();
	}

	private int listen(int port) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			this.server = server;
			daemon("tcp-proxy-accept", () -> accept(server));
			return server.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				connect(server.accept());
			}
			catch (IOException ex) {
				// closed by cut()
			}
		}
	}

	private void connect(Socket client) {
		try {
			Socket target = new Socket(this.targetHost, this.targetPort);
			this.sockets.add(client);
			this.sockets.add(target);
			daemon("tcp-proxy-up", () -> pump(client, target));
			daemon("tcp-proxy-down", () -> pump(target, client));
		}
		catch (IOException ex) {
			// the target refused: the client sees a closed connection
			closeQuietly(client);
		}
	}

	private void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
			this.sockets.remove(from);
			this.sockets.remove(to);
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// already closed
			}
		}
	}

}
