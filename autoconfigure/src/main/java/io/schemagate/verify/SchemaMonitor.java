package io.schemagate.verify;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the last schema check and repeats checks in the background: every poll interval
 * while the schema is not ready, every refresh interval once it is. Readers (health
 * requests) get the last status and never wait on the database.
 */
public class SchemaMonitor implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(SchemaMonitor.class);

	private final SchemaVerifier verifier;

	private final boolean allowNewerSchema;

	private final Duration pollInterval;

	private final Duration refreshInterval;

	private final Consumer<SchemaStatus> listener;

	private final AtomicReference<@Nullable SchemaStatus> last = new AtomicReference<>();

	private @Nullable ScheduledExecutorService scheduler;

	/**
	 * Create a monitor.
	 * @param verifier the verifier that runs each check
	 * @param allowNewerSchema whether a newer schema counts as ready
	 * @param pollInterval the delay between checks while not ready
	 * @param refreshInterval the delay between checks once ready, zero for never
	 * @param listener told of every check
	 */
	public SchemaMonitor(SchemaVerifier verifier, boolean allowNewerSchema, Duration pollInterval,
			Duration refreshInterval, Consumer<SchemaStatus> listener) {
		this.verifier = verifier;
		this.allowNewerSchema = allowNewerSchema;
		this.pollInterval = pollInterval;
		this.refreshInterval = refreshInterval;
		this.listener = listener;
	}

	/**
	 * Check the database now and keep the result.
	 * @return the status
	 */
	public SchemaStatus check() {
		SchemaStatus status = this.verifier.check();
		SchemaStatus previous = this.last.getAndSet(status);
		boolean wasReady = previous != null && previous.isReady(this.allowNewerSchema);
		if (status.isReady(this.allowNewerSchema) && !wasReady) {
			logSuccess(status);
		}
		if (previous != null && previous.state() != status.state()) {
			String message = "Database schema state changed from " + previous.state() + " to "
					+ StartupVerification.summary(status);
			if (status.isReady(this.allowNewerSchema)) {
				logger.info(message);
			}
			else {
				logger.warn(message);
			}
		}
		this.listener.accept(status);
		return status;
	}

	private static void logSuccess(SchemaStatus status) {
		String ahead = (status.aheadBy() > 0) ? ", " + status.aheadBy() + " newer migration(s) applied" : "";
		logger.info("Database verification successful: schema version " + status.appliedVersion() + ", "
				+ status.appliedCount() + " migration(s) applied" + ahead + " (checked in "
				+ status.duration().toMillis() + " ms)");
	}

	/**
	 * The last status, without touching the database.
	 * @return the last status, or {@code null} before the first check
	 */
	public @Nullable SchemaStatus lastStatus() {
		return this.last.get();
	}

	/**
	 * Whether the last check found the schema ready.
	 * @return whether ready
	 */
	public boolean isReady() {
		SchemaStatus status = this.last.get();
		return status != null && status.isReady(this.allowNewerSchema);
	}

	/**
	 * The verifier that runs the checks.
	 * @return the verifier
	 */
	public SchemaVerifier verifier() {
		return this.verifier;
	}

	/**
	 * Whether a newer schema counts as ready.
	 * @return whether {@link SchemaState#AHEAD} is ready
	 */
	public boolean isAllowNewerSchema() {
		return this.allowNewerSchema;
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
		Duration delay = isReady() ? this.refreshInterval : this.pollInterval;
		if (this.scheduler != null && !delay.isZero() && !delay.isNegative()) {
			this.scheduler.schedule(this::checkAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void checkAndReschedule() {
		try {
			check();
		}
		catch (RuntimeException ex) {
			logger.warn("Schema check failed", ex);
		}
		finally {
			scheduleNext();
		}
	}

}
