package io.schemagate.bench.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.schemagate.bench.app.BenchVariants;

/**
 * The benchmark service run as its own process, {@code java -jar}, the way a pod runs it.
 * Times are taken by this JVM's clock from the launch: to the {@code BENCH READY} line a
 * service prints once ready, or to the exit of a job.
 */
final class ServiceProcess implements AutoCloseable {

	private static final Pattern READY = Pattern
		.compile(Pattern.quote(BenchVariants.READY_LINE) + " uptime=(\\d+) statements=(\\d+) cpu=(\\d+)");

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process process;

	private final long launched;

	private final CompletableFuture<Long> ready = new CompletableFuture<>();

	private final CompletableFuture<Integer> port = new CompletableFuture<>();

	private final CompletableFuture<Void> drained;

	private volatile long statementsAtReady = -1;

	private volatile long cpuAtReady = -1;

	private ServiceProcess(Process process, long launched, Path log) {
		this.process = process;
		this.launched = launched;
		this.drained = CompletableFuture.runAsync(() -> drain(log));
	}

	static ServiceProcess start(Path jar, Path log, List<String> arguments) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
		command.addAll(arguments);
		try {
			Files.createDirectories(log.getParent());
			long launched = System.nanoTime();
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new ServiceProcess(process, launched, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait for the ready line.
	 * @return milliseconds from launch to ready
	 */
	double awaitReady() {
		long at = join(this.ready, "ready");
		return (at - this.launched) / 1_000_000.0;
	}

	/**
	 * Wait for the process to end.
	 * @return milliseconds from launch to exit
	 */
	double awaitExit(int expectedCode) {
		try {
			if (!this.process.waitFor(10, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The process did not end; see its log");
			}
			long exited = System.nanoTime();
			this.drained.join();
			if (this.process.exitValue() != expectedCode) {
				throw new IllegalStateException("The process exited with " + this.process.exitValue() + ", not "
						+ expectedCode + "; see its log");
			}
			return (exited - this.launched) / 1_000_000.0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The CPU time the service had used when it was ready, which other work on a shared
	 * machine disturbs less than the time to ready.
	 * @return milliseconds of CPU time
	 */
	long cpuAtReady() {
		awaitReady();
		return this.cpuAtReady;
	}

	long statementsAtReady() {
		awaitReady();
		return this.statementsAtReady;
	}

	int port() {
		return join(this.port, "a port");
	}

	@Override
	public void close() {
		try {
			// destroy() closes the output, so only for a process still running
			if (!this.process.waitFor(0, TimeUnit.SECONDS)) {
				this.process.destroy();
				if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor();
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.drained.join();
	}

	private void drain(Path log) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
				PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				long now = System.nanoTime();
				Matcher ready = READY.matcher(line);
				if (ready.find()) {
					this.statementsAtReady = Long.parseLong(ready.group(2));
					this.cpuAtReady = Long.parseLong(ready.group(3));
					this.ready.complete(now);
				}
				Matcher port = PORT.matcher(line);
				if (port.find()) {
					this.port.complete(Integer.parseInt(port.group(1)));
				}
				out.println(line);
			}
		}
		catch (IOException ex) {
			// the output was closed by destroy(): the process was stopped
		}
		finally {
			this.ready.completeExceptionally(new IllegalStateException("The process ended before it was ready"));
			this.port.completeExceptionally(new IllegalStateException("The process ended without a port"));
		}
	}

	private <T> T join(CompletableFuture<T> future, String what) {
		try {
			return future.get(10, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new IllegalStateException("No " + what + " from the service: " + ex.getMessage(), ex);
		}
	}

}
