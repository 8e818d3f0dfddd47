package io.schemagate.internal.check;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

import io.schemagate.internal.Messages;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * Keeps the last schema check and repeats checks in the background: every poll interval
 * while the schema is not ready, every refresh interval once it is. Readers (health
 * requests) get the last status and never wait on the database.
 * <p>
 * With several targets each check reads every target, a few at a time, and the status is
 * their sum ({@link SchemaStatus#ofTargets}); with one it is that target's.
 * <p>
 * Once a target was found ready, checks that cannot reach its database keep its last
 * state, and readiness with it, for the unreachable grace, re-checking every poll
 * interval: a blip, a full pool or a failover does not take every instance out of service
 * at once. Only what would be {@link SchemaState#UNREACHABLE} is covered; any other state
 * a check finds applies at once.
 */
public class SchemaMonitor implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SchemaMonitor.class);

	/** Targets checked at once, at most: each check is one connection and one query. */
	private static final int PARALLEL_CHECKS = 8;

	private final List<Target> targets;

	private final Duration pollInterval;

	private final Duration refreshInterval;

	private final Duration unreachableGrace;

	private final Consumer<SchemaStatus> listener;

	private final AtomicReference<@Nullable SchemaStatus> last = new AtomicReference<>();

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ExecutorService checkers;

	/**
	 * Create a monitor of one target.
	 * @param verifier the verifier that runs each check
	 * @param pollInterval the delay between checks while not ready
	 * @param refreshInterval the delay between checks once ready, zero for never
	 * @param unreachableGrace how long a schema found ready stays so while the database
	 * cannot be reached, zero for not at all
	 * @param listener told of every check
	 */
	public SchemaMonitor(SchemaVerifier verifier, Duration pollInterval, Duration refreshInterval,
			Duration unreachableGrace, Consumer<SchemaStatus> listener) {
		this(Map.of(DEFAULT_TARGET, () -> verifier), pollInterval, refreshInterval, unreachableGrace, listener);
	}

	/**
	 * Create a monitor of targets.
	 * @param verifiers each target's verifier by the target's name, in the targets'
	 * order, made on first use
	 * @param pollInterval the delay between checks while not ready
	 * @param refreshInterval the delay between checks once ready, zero for never
	 * @param unreachableGrace how long a target found ready stays so while its database
	 * cannot be reached, zero for not at all
	 * @param listener told of every check of every target, with the target's name
	 * @return the monitor
	 */
	public static SchemaMonitor ofTargets(Map<String, Supplier<SchemaVerifier>> verifiers, Duration pollInterval,
			Duration refreshInterval, Duration unreachableGrace, Consumer<SchemaStatus> listener) {
		return new SchemaMonitor(verifiers, pollInterval, refreshInterval, unreachableGrace, listener);
	}

	private SchemaMonitor(Map<String, Supplier<SchemaVerifier>> verifiers, Duration pollInterval,
			Duration refreshInterval, Duration unreachableGrace, Consumer<SchemaStatus> listener) {
		this.targets = verifiers.entrySet()
			.stream()
			.map((entry) -> new Target(entry.getKey(), SingletonSupplier.of(entry.getValue())))
			.toList();
		this.pollInterval = pollInterval;
		this.refreshInterval = refreshInterval;
		this.unreachableGrace = unreachableGrace;
		this.listener = listener;
	}

	/**
	 * The name of Spring Boot's own {@code Flyway} bean, the one target of most
	 * applications.
	 */
	public static final String DEFAULT_TARGET = "flyway";

	/**
	 * Check every target now and keep the result.
	 * @return the status, as published to readers
	 */
	public SchemaStatus check() {
		if (this.targets.size() == 1) {
			return keep(this.targets.get(0).check(SchemaVerifier.CONNECT_THREAD));
		}
		Instant start = Instant.now();
		long started = System.nanoTime();
		// connect threads for this round only: the targets take turns on a few, and none
		// outlives the round unless a connection attempt hangs
		ExecutorService connectThreads = Executors.newCachedThreadPool(SchemaVerifier::connectThread);
		try {
			List<SchemaStatus> statuses = eachTarget((target) -> target.check(connectThreads));
			return keep(SchemaStatus.ofTargets(statuses, start, Duration.ofNanos(System.nanoTime() - started)));
		}
		finally {
			connectThreads.shutdown();
		}
	}

	/**
	 * Do something for every target, a few at a time; what one throws is thrown here,
	 * once every target is done, so that what the round holds can end with it.
	 */
	private <T> List<T> eachTarget(Function<Target, T> action) {
		List<CompletableFuture<T>> results = this.targets.stream()
			.map((target) -> CompletableFuture.supplyAsync(() -> action.apply(target), checkers()))
			.toList();
		CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).exceptionally((failure) -> null).join();
		try {
			return results.stream().map(CompletableFuture::join).toList();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private SchemaStatus keep(SchemaStatus status) {
		this.last.set(status);
		return status;
	}

	private synchronized ExecutorService checkers() {
		if (this.checkers == null) {
			AtomicInteger count = new AtomicInteger();
			this.checkers = Executors.newFixedThreadPool(Math.min(PARALLEL_CHECKS, this.targets.size()), (task) -> {
				Thread thread = new Thread(task, "schemagate-check-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
		return this.checkers;
	}

	/**
	 * The last status, without touching the database.
	 * @return the last status, or {@code null} before the first check
	 */
	public @Nullable SchemaStatus lastStatus() {
		return this.last.get();
	}

	/**
	 * The targets' verifiers, by the targets' names, made on first use.
	 * @return the verifiers, in the targets' order
	 */
	public Map<String, SchemaVerifier> verifiers() {
		List<SchemaVerifier> made = (this.targets.size() == 1) ? List.of(this.targets.get(0).verifier().get())
				: eachTarget((target) -> target.verifier().get());
		Map<String, SchemaVerifier> verifiers = new LinkedHashMap<>();
		for (int i = 0; i < made.size(); i++) {
			verifiers.put(this.targets.get(i).name(), made.get(i));
		}
		return verifiers;
	}

	/**
	 * Start checking in the background; checks once first if nothing was checked yet.
	 */
	public synchronized void start() {
		if (this.scheduler != null) {
			return;
		}
		if (this.last.get() == null) {
			check();
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "schemagate-monitor");
			thread.setDaemon(true);
			return thread;
		});
		scheduleNext();
	}

	/**
	 * Stop checking; a check under way is interrupted.
	 */
	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
		if (this.checkers != null) {
			this.checkers.shutdownNow();
			this.checkers = null;
		}
	}

	private synchronized void scheduleNext() {
		SchemaStatus status = this.last.get();
		boolean settled = status != null && status.ready() && status.unreachableSince() == null;
		Duration delay = settled ? this.refreshInterval : this.pollInterval;
		if (this.scheduler != null && !delay.isZero() && !delay.isNegative()) {
			this.scheduler.schedule(this::checkAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void checkAndReschedule() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Schema check failed: " + Messages.describe(ex));
		}
		finally {
			scheduleNext();
		}
	}

	/**
	 * One target: its verifier and its last status, kept through an outage for the grace.
	 */
	private final class Target {

		private final String name;

		private final Supplier<SchemaVerifier> verifier;

		private final AtomicReference<@Nullable SchemaStatus> last = new AtomicReference<>();

		Target(String name, Supplier<SchemaVerifier> verifier) {
			this.name = name;
			this.verifier = verifier;
		}

		String name() {
			return this.name;
		}

		Supplier<SchemaVerifier> verifier() {
			return this.verifier;
		}

		SchemaStatus check(Executor connectThreads) {
			// named only among several, so that one target looks as it always did
			SchemaStatus checked = this.verifier.get().check(connectThreads);
			SchemaStatus found = (SchemaMonitor.this.targets.size() > 1) ? checked.withTarget(this.name) : checked;
			SchemaStatus previous = this.last.get();
			SchemaStatus status = withGrace(found, previous);
			this.last.set(status);
			StatusLog.changed(previous, status, SchemaMonitor.this.unreachableGrace,
					(SchemaMonitor.this.targets.size() > 1) ? this.name : null);
			SchemaMonitor.this.listener.accept(status);
			return status;
		}

		private SchemaStatus withGrace(SchemaStatus found, @Nullable SchemaStatus previous) {
			if (found.state() != SchemaState.UNREACHABLE || previous == null || !previous.ready()) {
				return found;
			}
			Instant since = (previous.unreachableSince() != null) ? previous.unreachableSince() : found.checkedAt();
			boolean graceRuns = found.checkedAt().isBefore(since.plus(SchemaMonitor.this.unreachableGrace));
			return graceRuns ? keptThrough(previous, since, found) : found;
		}

	}

	/**
	 * The last status kept through a check that could not reach the database: same state
	 * and readiness, with the outage's start and error.
	 */
	private static SchemaStatus keptThrough(SchemaStatus kept, Instant since, SchemaStatus unreachable) {
		return new SchemaStatus(kept.target(), kept.state(), kept.ready(), kept.appliedVersion(),
				kept.expectedVersion(), kept.knownCount(), kept.appliedCount(), kept.pendingVersions(),
				kept.failedVersions(), kept.driftedVersions(), kept.aheadBy(), kept.breakingMigration(),
				kept.problems(), unreachable.error(), since, kept.migrationRunningSince(), unreachable.checkedAt(),
				unreachable.duration(), List.of());
	}

}
