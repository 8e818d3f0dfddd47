package io.schemagate.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Part 4: what a readiness probe costs a service in Schemagate verify mode, under a load
 * from this JVM over loopback. Probes read the last check, so the database should see
 * none of them: the service counts its statements, and the background refresh is off for
 * the run so that every statement counted would be a probe's.
 */
final class ProbeBenchmark {

	private static final int WARMUP = 2_000;

	private static final int CLOSED_LOOP_CLIENTS = 4;

	private static final Duration CLOSED_LOOP = Duration.ofSeconds(5);

	private static final int OPEN_LOOP_RATE = 200;

	private static final Duration OPEN_LOOP = Duration.ofSeconds(10);

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "probe-client");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient client = HttpClient.newBuilder().executor(this.threads).build();

	private URI readiness;

	private URI statements;

	private URI probeTimes;

	Result run(ServiceProcess service) {
		URI base = URI.create("http://127.0.0.1:" + service.port());
		this.readiness = base.resolve("/actuator/health/readiness");
		this.statements = base.resolve("/bench/statements");
		this.probeTimes = base.resolve("/bench/probe-times");
		long statementsBefore = statements();
		for (int i = 0; i < WARMUP; i++) {
			probe();
		}
		AtomicLong closedLoopProbes = new AtomicLong();
		long deadline = System.nanoTime() + CLOSED_LOOP.toNanos();
		List<CompletableFuture<Void>> clients = new ArrayList<>();
		for (int i = 0; i < CLOSED_LOOP_CLIENTS; i++) {
			clients.add(CompletableFuture.runAsync(() -> {
				while (System.nanoTime() < deadline) {
					probe();
					closedLoopProbes.incrementAndGet();
				}
			}, this.threads));
		}
		clients.forEach(CompletableFuture::join);
		double throughput = closedLoopProbes.get() / (CLOSED_LOOP.toMillis() / 1000.0);
		get(this.probeTimes);
		Samples latencies = openLoop();
		String inService = get(this.probeTimes);
		long probes = WARMUP + closedLoopProbes.get() + latencies.size();
		long statementsSent = statements() - statementsBefore;
		return new Result(throughput, latencies, number(inService, "p50"), number(inService, "p99"), probes,
				statementsSent);
	}

	/**
	 * Send probes at a fixed rate whatever the answers' speed, and time each from when it
	 * was due, so a slow answer is not hidden by the probes it delayed.
	 */
	private Samples openLoop() {
		int count = (int) (OPEN_LOOP_RATE * OPEN_LOOP.toSeconds());
		long interval = 1_000_000_000L / OPEN_LOOP_RATE;
		List<CompletableFuture<Long>> answers = new ArrayList<>(count);
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * interval;
			LockSupport.parkNanos(due - System.nanoTime());
			answers
				.add(this.client.sendAsync(request(this.readiness), BodyHandlers.discarding()).thenApply((response) -> {
					expectUp(response);
					return System.nanoTime() - due;
				}));
		}
		Samples latencies = new Samples();
		answers.forEach((answer) -> latencies.addNanos(answer.join()));
		return latencies;
	}

	private void probe() {
		try {
			expectUp(this.client.send(request(this.readiness), BodyHandlers.discarding()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Probe failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long statements() {
		return (long) number(get(this.statements), "statements");
	}

	private String get(URI uri) {
		try {
			return this.client.send(request(uri), BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static double number(String json, String field) {
		Matcher matcher = Pattern.compile("\"" + field + "\":([0-9.E-]+)").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No '" + field + "' in " + json);
		}
		return Double.parseDouble(matcher.group(1));
	}

	private static HttpRequest request(URI uri) {
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
	}

	private static void expectUp(HttpResponse<?> response) {
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Readiness answered " + response.statusCode() + ", not 200");
		}
	}

	/**
	 * What the probes cost.
	 *
	 * @param throughput probes per second with {@value #CLOSED_LOOP_CLIENTS} clients
	 * @param latencies latencies at {@value #OPEN_LOOP_RATE} probes per second, as the
	 * load generator saw them
	 * @param serviceP50 the median time of those probes inside the service
	 * @param serviceP99 the 99th percentile inside the service
	 * @param probes probes sent in all
	 * @param statements statements the service sent meanwhile
	 */
	record Result(double throughput, Samples latencies, double serviceP50, double serviceP99, long probes,
			long statements) {

		double statementsPerProbe() {
			return (double) this.statements / this.probes;
		}

	}

}
