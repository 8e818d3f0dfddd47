package io.schemagate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.util.FileSystemUtils;

/**
 * The jar that {@code package} built, laid out as Spring Boot's documentation lays out a
 * container image: extracted ({@code -Djarmode=tools extract}, the application's jar with
 * its libraries beside it) and with a class data sharing archive from a training run. A
 * process of the sample then starts on about half the CPU time of {@code java -jar} (2.2
 * s against 4.3 s of user time here), which is most of the time of the tests that start
 * thirty of them on two cores. Made once per test JVM, beside the first processes, which
 * run as {@code java -jar} meanwhile.
 * <p>
 * Other jars (a rollout's later versions, made by {@link SampleJars}) run as
 * {@code java -jar}, so both layouts run in the tests.
 */
final class SampleImage {

	/**
	 * A training run starts the sample once, about 10 s here; 5 minutes for a machine
	 * busy with the other test classes' processes.
	 */
	private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);

	private static @Nullable CompletableFuture<SampleImage> building;

	private final Path jar;

	private final @Nullable Path archive;

	private SampleImage(Path jar, @Nullable Path archive) {
		this.jar = jar;
		this.archive = archive;
	}

	/**
	 * The {@code java} arguments that run a jar: from the image for the jar that
	 * {@code package} built once the image is made (the first call starts making it, in
	 * the background), {@code -jar jar} until then and for any other jar.
	 * @param jar the jar
	 * @param java the {@code java} executable
	 * @param jvmOptions the options of the processes, for the training run
	 * @return the arguments after the JVM options
	 * @throws java.util.concurrent.CompletionException if the image could not be made
	 */
	static List<String> launch(Path jar, String java, List<String> jvmOptions) {
		Path built = SampleProcess.jar();
		SampleImage image = jar.equals(built) ? made(built, java, jvmOptions) : null;
		return (image != null) ? image.arguments() : List.of("-jar", jar.toString());
	}

	private static synchronized @Nullable SampleImage made(Path jar, String java, List<String> jvmOptions) {
		if (building == null) {
			building = CompletableFuture
				.supplyAsync(() -> build(jar, jar.resolveSibling("sample-image"), java, jvmOptions));
		}
		return building.getNow(null);
	}

	private List<String> arguments() {
		List<String> arguments = new ArrayList<>();
		if (this.archive != null) {
			arguments.add("-XX:SharedArchiveFile=" + this.archive);
		}
		arguments.addAll(List.of("-jar", this.jar.toString()));
		return arguments;
	}

	private static SampleImage build(Path jar, Path directory, String java, List<String> jvmOptions) {
		try {
			FileSystemUtils.deleteRecursively(directory);
			Files.createDirectories(directory);
			Path extracted = directory.resolve("app");
			run(directory.resolve("extract.log"), java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", extracted.toString());
			Path application = extracted.resolve(jar.getFileName());
			if (!Files.isRegularFile(application)) {
				throw new IllegalStateException(
						"Extracting " + jar + " made no " + application + ": see " + directory.resolve("extract.log"));
			}
			Path archive = directory.resolve("sample.jsa");
			List<String> training = new ArrayList<>(List.of(java));
			training.addAll(jvmOptions);
			// the classes of a service's start: web server, actuator and verifier, on a
			// database of its own; the context closes once refreshed
			training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
					application.toString(), "--db.mode=verify", "--db.verify.on-startup=start-unready",
					"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:training"));
			run(directory.resolve("training.log"), training.toArray(String[]::new));
			if (!Files.isRegularFile(archive)) {
				System.out.println("[sample image] no class data sharing archive from the training run (see "
						+ directory.resolve("training.log") + "); processes start without one");
				return new SampleImage(application, null);
			}
			return new SampleImage(application, archive);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(Path log, String... command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"Not done within " + TRAINING_TIMEOUT + ": " + String.join(" ", command) + ", see " + log);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(
						"Exit code " + process.exitValue() + " from " + String.join(" ", command) + ", see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
