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

/**
 * A TCP proxy on loopback that can stop answering without closing anything, as a network
 * partition or a database host that vanished does: after {@link #stall()} connections
 * stay open and new ones are accepted, but no byte goes through in either direction until
 * {@link #resume()}. (Unlike {@link TcpProxy#cut()}, nobody gets a reset to react to.)
 */
public final class StallingTcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final ServerSocket server;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile CountDownLatch gate = new CountDownLatch(0);

	/**
	 * Start a proxy to a target on an ephemeral loopback port.
	 * @param targetHost the target host
	 * @param targetPort the target port
	 */
	public StallingTcpProxy(String targetHost, int targetPort) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		daemon("stalling-proxy-accept", this::accept);
	}

	/**
	 * The loopback port the proxy listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Stop forwarding: bytes sent from now on are held, and connections made from now on
	 * reach the target only after {@link #resume()}.
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
		closeQuietly(this.server);
		this.sockets.forEach(StallingTcpProxy::closeQuietly);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.sockets.add(client);
				daemon("stalling-proxy-connect", () -> connect(client));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void connect(Socket client) {
		try {
			awaitGate();
			Socket target = new Socket(this.targetHost, this.targetPort);
			this.sockets.add(target);
			daemon("stalling-proxy-up", () -> pump(client, target));
			pump(target, client);
		}
		catch (IOException ex) {
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

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
