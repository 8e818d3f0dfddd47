package io.schemagate.internal.check;

import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.schemagate.verify.NoMigrationsFoundException;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;
import io.schemagate.verify.StartupPolicy;

/**
 * Verify mode at startup: checks the schema once and applies the {@link StartupPolicy}
 * when it is not ready.
 */
public class StartupVerification {

	private static final Log logger = LogFactory.getLog(StartupVerification.class);

	private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(30);

	private final SchemaMonitor monitor;

	private final StartupPolicy policy;

	private final Duration pollInterval;

	private final Duration waitTimeout;

	/**
	 * Create a startup verification.
	 * @param monitor runs and keeps the checks, and goes on checking once started
	 * @param policy what to do when the schema is not ready
	 * @param pollInterval how often to check again while waiting
	 * @param waitTimeout how long to wait at most
	 */
	public StartupVerification(SchemaMonitor monitor, StartupPolicy policy, Duration pollInterval,
			Duration waitTimeout) {
		this.monitor = monitor;
		this.policy = policy;
		this.pollInterval = pollInterval;
		this.waitTimeout = waitTimeout;
	}

	/**
	 * Check the schema and apply the policy; unless startup stops, the monitor then goes
	 * on checking in the background.
	 * @return the last status found
	 * @throws SchemaNotReadyException when the policy says startup must stop, or the
	 * state stops it under every policy ({@link SchemaState#isFatal()})
	 * @throws NoMigrationsFoundException when the application knows no migrations
	 */
	public SchemaStatus verify() {
		Map<String, SchemaVerifier> verifiers = this.monitor.verifiers();
		logger.info("Database verification mode - checking database is ready"
				+ ((verifiers.size() > 1) ? " (" + verifiers.size() + " targets)" : ""));
		verifiers.forEach((target, verifier) -> {
			if (verifier.knownCount() == 0) {
				throw new NoMigrationsFoundException(
						verifier.locations() + ((verifiers.size() > 1) ? " (target '" + target + "')" : ""));
			}
		});
		SchemaStatus status = this.monitor.check();
		if (!status.ready() && this.policy == StartupPolicy.WAIT && status.canBecomeReady()) {
			status = waitForReady(status);
		}
		if (status.ready() && verifiers.size() > 1) {
			logger.info(
					"Database verification successful: " + verifiers.size() + " targets ready, " + status.appliedCount()
							+ " migration(s) applied (checked in " + status.duration().toMillis() + " ms)");
		}
		if (!status.ready()) {
			if (this.policy != StartupPolicy.START_UNREADY || status.isFatal()) {
				throw new SchemaNotReadyException(status);
			}
			logger.warn("Database schema is not ready (" + status.summary()
					+ "); starting unready, readiness will turn UP once a check finds it ready");
		}
		this.monitor.start();
		return status;
	}

	private SchemaStatus waitForReady(SchemaStatus first) {
		long started = System.nanoTime();
		long deadline = started + this.waitTimeout.toNanos();
		long nextLog = started;
		SchemaStatus status = first;
		while (!status.ready() && status.canBecomeReady() && System.nanoTime() - deadline < 0) {
			if (System.nanoTime() - nextLog >= 0) {
				logger.info("Waiting for the database schema: " + status.summary() + "; waited "
						+ Duration.ofNanos(System.nanoTime() - started).toSeconds() + "s of "
						+ this.waitTimeout.toSeconds() + "s");
				nextLog = System.nanoTime() + PROGRESS_LOG_INTERVAL.toNanos();
			}
			pause();
			SchemaState previous = status.state();
			status = this.monitor.check();
			if (status.state() != previous) {
				nextLog = System.nanoTime();
			}
		}
		return status;
	}

	private void pause() {
		try {
			Thread.sleep(this.pollInterval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the database schema", ex);
		}
	}

}
