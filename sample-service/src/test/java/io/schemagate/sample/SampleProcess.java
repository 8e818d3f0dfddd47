package io.schemagate.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The packaged sample service run as a real process, as a Kubernetes pod would run it:
 * {@code java -jar} with environment variables, output captured to a file.
 */
final class SampleProcess implements AutoCloseable {

	private final Process process;

	private final Path output;

	private SampleProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	static SampleProcess start(Path workingDirectory, Map<String, String> environment, String... arguments) {
		try {
			Path output = Files.createTempFile(workingDirectory, "process", ".log");
			List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar().toString()));
			command.addAll(List.of(arguments));
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			return new SampleProcess(builder.start(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The jar that {@code package} built, found from the working directory of the build.
	 */
	static Path jar() {
		File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("schemagate-sample-service-")
				&& name.endsWith(".jar") && !name.endsWith("-plain.jar") && !name.endsWith(".original"));
		if (jars == null || jars.length != 1) {
			throw new IllegalStateException("Run 'package' first: no single sample jar in target/");
		}
		return jars[0].toPath().toAbsolutePath();
	}

	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException("Process did not exit within " + timeout + ":\n" + output());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void awaitOutput(String text, Duration timeout) {
		await().atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.failFast("process exited", () -> !this.process.isAlive())
			.until(() -> output().contains(text));
	}

	/**
	 * Kill the process with SIGKILL, as the kubelet does after the grace period or the
	 * kernel does on OOM: no shutdown hook runs.
	 */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
