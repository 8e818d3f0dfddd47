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
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy on loopback between an application and its database, so a test can take the
 * database away without stopping a server other tests share: {@link #cut()} closes every
 * connection, as a database that went away, and {@link #restore()} gives it back;
 * {@link #stall()} holds every byte without closing anything, as a network partition or a
 * host that vanished, until {@link #resume()}.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ServerSocket server;

	private volatile CountDownLatch gate = new CountDownLatch(0);

	/**
	 * Counts the listens, so that a connection accepted just before a {@link #cut()} is
	 * closed rather than kept: it belongs to a listen that has ended.
	 */
	private int listens;

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
		this.listens++;
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

	/**
	 * Stop forwarding without closing anything: bytes sent from now on are held, and
	 * connections made from now on reach the target only after {@link #resume()}.
	 */
	public synchronized void stall() {
		if (this.gate.getCount() == 0) {
			this.gate = new CountDownLatch(1);
		}
	}

	/**
	 * Forward again, held bytes first, as a healed network delivers them.
	 */
	public synchronized void resume() {
		this.gate.countDown();
	}

	@Override
	public void close() {
		resume();
		cut();
	}

	private synchronized int listen(int port) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			this.server = server;
			int listen = this.listens;
			daemon("tcp-proxy-accept", () -> accept(server, listen));
			return server.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket server, int listen) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				if (track(client, listen)) {
					daemon("tcp-proxy-connect", () -> connect(client, listen));
				}
			}
			catch (IOException ex) {
				// closed by cut()
			}
		}
	}

	/**
	 * Keep a socket for {@link #cut()} to close, or close it now when its listen has
	 * already been cut.
	 */
	private synchronized boolean track(Socket socket, int listen) {
		if (listen != this.listens) {
			closeQuietly(socket);
			return false;
		}
		this.sockets.add(socket);
		return true;
	}

	private void connect(Socket client, int listen) {
		try {
			awaitGate();
			Socket target = new Socket(this.targetHost, this.targetPort);
			if (!track(target, listen)) {
				closeQuietly(client);
				return;
			}
			daemon("tcp-proxy-up", () -> pump(client, target));
			daemon("tcp-proxy-down", () -> pump(target, client));
		}
		catch (IOException ex) {
			// the target refused: the client sees a closed connection
			closeQuietly(client);
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				awaitGate();
				out.write(buffer, 0, read);
				out.flush();
			}
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

	private void awaitGate() throws IOException {
		try {
			this.gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", ex);
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
