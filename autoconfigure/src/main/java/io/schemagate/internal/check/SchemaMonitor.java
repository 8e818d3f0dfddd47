package io.schemagate.internal.check;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * Keeps the last schema check and repeats checks in the background: every poll interval
 * while the schema is not ready, every refresh interval once it is. Readers (health
 * requests) get the last status and never wait on the database.
 * <p>
 * Once the schema was found ready, checks that cannot reach the database keep the last
 * state, and readiness with it, for the unreachable grace, re-checking every poll
 * interval: a blip, a full pool or a failover does not take every instance out of service
 * at once. Only what would be {@link SchemaState#UNREACHABLE} is covered; any other state
 * a check finds applies at once.
 */
public class SchemaMonitor implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SchemaMonitor.class);

	private final SchemaVerifier verifier;

	private final Duration pollInterval;

	private final Duration refreshInterval;

	private final Duration unreachableGrace;

	private final Consumer<SchemaStatus> listener;

	private final AtomicReference<@Nullable SchemaStatus> last = new AtomicReference<>();

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a monitor.
	 * @param verifier the verifier that runs each check
	 * @param pollInterval the delay between checks while not ready
	 * @param refreshInterval the delay between checks once ready, zero for never
	 * @param unreachableGrace how long a schema found ready stays so while the database
	 * cannot be reached, zero for not at all
	 * @param listener told of every check
	 */
	public SchemaMonitor(SchemaVerifier verifier, Duration pollInterval, Duration refreshInterval,
			Duration unreachableGrace, Consumer<SchemaStatus> listener) {
		this.verifier = verifier;
		this.pollInterval = pollInterval;
		this.refreshInterval = refreshInterval;
		this.unreachableGrace = unreachableGrace;
		this.listener = listener;
	}

	/**
	 * Check the database now and keep the result.
	 * @return the status, as published to readers
	 */
	public SchemaStatus check() {
		SchemaStatus found = this.verifier.check();
		SchemaStatus previous = this.last.get();
		SchemaStatus status = withGrace(found, previous);
		this.last.set(status);
		StatusLog.changed(previous, status, this.unreachableGrace);
		this.listener.accept(status);
		return status;
	}

	private SchemaStatus withGrace(SchemaStatus found, @Nullable SchemaStatus previous) {
		if (found.state() != SchemaState.UNREACHABLE || previous == null || !previous.ready()) {
			return found;
		}
		Instant since = (previous.unreachableSince() != null) ? previous.unreachableSince() : found.checkedAt();
		boolean graceRuns = found.checkedAt().isBefore(since.plus(this.unreachableGrace));
		return graceRuns ? keptThrough(previous, since, found) : found;
	}

	/**
	 * The last status kept through a check that could not reach the database: same state
	 * and readiness, with the outage's start and error.
	 */
	private static SchemaStatus keptThrough(SchemaStatus kept, Instant since, SchemaStatus unreachable) {
		return new SchemaStatus(kept.state(), kept.ready(), kept.appliedVersion(), kept.expectedVersion(),
				kept.knownCount(), kept.appliedCount(), kept.pendingVersions(), kept.failedVersions(),
				kept.driftedVersions(), kept.aheadBy(), kept.breakingMigration(), kept.problems(), unreachable.error(),
				since, kept.migrationRunningSince(), unreachable.checkedAt(), unreachable.duration());
	}

	/**
	 * The last status, without touching the database.
	 * @return the last status, or {@code null} before the first check
	 */
	public @Nullable SchemaStatus lastStatus() {
		return this.last.get();
	}

	/**
	 * The verifier that runs the checks.
	 * @return the verifier
	 */
	public SchemaVerifier verifier() {
		return this.verifier;
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

}
