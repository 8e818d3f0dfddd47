package io.schemagate.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.schemagate.testsupport.TestDatabase;

import static org.awaitility.Awaitility.await;

/**
 * One version of the sample service's image run as a real process, as a Kubernetes pod
 * would run it: {@code java} with environment variables, output captured to a file. The
 * jar that {@code package} built runs from its {@link SampleImage}; any other version of
 * the jar can be run (a rollout needs several) with {@code java -jar}. A service's port,
 * chosen with {@code --server.port=0}, is read from its log.
 */
final class SampleProcess implements AutoCloseable {

	private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final String name;

	private final Process process;

	private final Path output;

	private SampleProcess(String name, Process process, Path output) {
		this.name = name;
		this.process = process;
		this.output = output;
	}

	/**
	 * Options for the JVMs of these processes, which live for seconds: the quick compiler
	 * only and the serial collector, so that compiler and collector threads do not take
	 * the two cores of a CI machine from the processes running beside them. A start takes
	 * about 30% less time with them (4.4 s against 6.3 s, three starts of the sample's
	 * migrate job side by side). They change nothing the tests look at.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

	/**
	 * Start a jar with the application's arguments, from the {@link SampleImage} for the
	 * jar that {@code package} built.
	 * @param name a name for messages, e.g. {@code v1-service-a}
	 * @param jar the jar to run
	 * @param workingDirectory the working directory, which also gets the output file
	 * @param environment environment variables added to this JVM's
	 * @param arguments the application's arguments
	 * @return the started process
	 */
	static SampleProcess start(String name, Path jar, Path workingDirectory, Map<String, String> environment,
			String... arguments) {
		try {
			Path output = Files.createTempFile(workingDirectory, name + "-", ".log");
			String java = javaExecutable();
			List<String> command = new ArrayList<>(List.of(java));
			command.addAll(JVM_OPTIONS);
			command.addAll(SampleImage.launch(jar, java, JVM_OPTIONS));
			command.addAll(List.of(arguments));
			ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile());
			builder.environment().putAll(environment);
			return new SampleProcess(name, builder.start(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Start the jar that {@code package} built.
	 * @param workingDirectory the working directory, which also gets the output file
	 * @param environment environment variables added to this JVM's
	 * @param arguments the application's arguments
	 * @return the started process
	 */
	static SampleProcess start(Path workingDirectory, Map<String, String> environment, String... arguments) {
		return start("sample", jar(), workingDirectory, environment, arguments);
	}

	/**
	 * The environment a pod of the sample gets: its mode and its database, as a Job or a
	 * Deployment passes them.
	 * @param mode {@code migrate} or {@code verify}
	 * @param database the database
	 * @return a mutable map
	 */
	static Map<String, String> environment(String mode, TestDatabase database) {
		Map<String, String> environment = new HashMap<>(
				Map.of("DB_MODE", mode, "SPRING_DATASOURCE_URL", database.url(), "SPRING_DATASOURCE_USERNAME",
						database.username(), "SPRING_DATASOURCE_PASSWORD", Objects.toString(database.password(), "")));
		// A pool opens connections as it needs them, not ten at once: the processes of
		// three test classes side by side share the server's 100 connections
		environment.put("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1");
		return environment;
	}

	/**
	 * As {@link #environment(String, TestDatabase)}, for one of many processes started
	 * together on a small machine: lean JVMs, small pools, services that start unready
	 * and check every second.
	 * @param mode {@code migrate} or {@code verify}
	 * @param database the database
	 * @return a mutable map
	 */
	static Map<String, String> crowdedEnvironment(String mode, TestDatabase database) {
		Map<String, String> environment = environment(mode, database);
		environment.put("JAVA_TOOL_OPTIONS", "-Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
		// thirty pools of Hikari's default ten connections would exceed PostgreSQL's 100
		environment.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "2");
		environment.put("DB_VERIFY_ON_STARTUP", "start-unready");
		environment.put("DB_VERIFY_POLL_INTERVAL", "1s");
		return environment;
	}

	/**
	 * The jar that {@code package} built, found from the working directory of the build.
	 * @return the jar
	 */
	static Path jar() {
		File[] jars = new File("target").listFiles((dir, name) -> name.startsWith("schemagate-sample-service-")
				&& name.endsWith(".jar") && !name.endsWith("-plain.jar"));
		if (jars == null || jars.length != 1) {
			throw new IllegalStateException("Run 'package' first: no single sample jar in target/");
		}
		return jars[0].toPath().toAbsolutePath();
	}

	String name() {
		return this.name;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
				throw new IllegalStateException(this.name + " did not exit within " + timeout + ":\n" + output());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Wait until the application has started and return the port its web server chose.
	 * @param timeout how long to wait
	 * @return the port
	 */
	int awaitStarted(Duration timeout) {
		await(this.name + " started").atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.failFast(this::failIfExited)
			.until(() -> output().contains("Started BakeryApplication"));
		Matcher port = TOMCAT_PORT.matcher(output());
		if (!port.find()) {
			throw new IllegalStateException(this.name + " started without a web server:\n" + output());
		}
		return Integer.parseInt(port.group(1));
	}

	void awaitOutput(String text, Duration timeout) {
		await(this.name + " printed '" + text + "'").atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.failFast(this::failIfExited)
			.until(() -> output().contains(text));
	}

	/**
	 * Ask the process to stop with SIGTERM, as the kubelet does when a pod is deleted or
	 * its node drained; it then has its grace period.
	 */
	void terminate() {
		this.process.destroy();
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

	private void failIfExited() {
		if (!this.process.isAlive()) {
			throw new IllegalStateException(
					this.name + " exited with code " + this.process.exitValue() + ":\n" + output());
		}
	}

	String output() {
		try {
			// Tolerates a line cut half way through a multi-byte character
			return new String(Files.readAllBytes(this.output), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop processes as {@link #close()} does, all at once: each is asked to stop before
	 * any is waited for, so thirty take about as long to stop as the slowest of them, not
	 * as all of them one after another (a few tenths of a second each, mostly waiting).
	 * @param processes the processes
	 */
	static void closeAll(List<SampleProcess> processes) {
		processes.forEach(SampleProcess::terminate);
		processes.forEach(SampleProcess::close);
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

	@Override
	public String toString() {
		return this.name;
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
