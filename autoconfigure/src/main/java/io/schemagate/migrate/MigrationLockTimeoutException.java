package io.schemagate.migrate;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.schemagate.SchemagateException;

/**
 * A migrate job did not get its turn within {@code db.migrate.lock-timeout}: another
 * session held Flyway's lock, or the migrate queue of Schemagate's jobs, all along. The
 * job exits {@link MigrateExitCode#RETRYABLE 1}.
 */
public class MigrationLockTimeoutException extends SchemagateException {

	private final String lock;

	private final Duration timeout;

	private final @Nullable String holder;

	/**
	 * Create an exception.
	 * @param lock which lock was not taken, for example {@code Flyway's lock on
	 * "public"."flyway_schema_history"}
	 * @param timeout how long the job waited
	 * @param holder the session that held it, as the database tells, if it does
	 */
	public MigrationLockTimeoutException(String lock, Duration timeout, @Nullable String holder) {
		super("Could not take " + lock + " within " + timeout.toMillis() + "ms"
				+ ((holder != null) ? ": held by " + holder : ""), null);
		this.lock = lock;
		this.timeout = timeout;
		this.holder = holder;
	}

	/**
	 * How long the job waited.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

	/**
	 * The session that held the lock, if the database told.
	 * @return the description of the holder, or {@code null}
	 */
	public @Nullable String getHolder() {
		return this.holder;
	}

	@Override
	public String getDescription() {
		return "The migrate job could not take " + this.lock + " within 'db.migrate.lock-timeout' ("
				+ this.timeout.toMillis() + "ms)"
				+ ((this.holder != null) ? ": it is held by " + this.holder + "." : ".");
	}

	@Override
	public String getAction() {
		return "If another migrate job is running, let it finish: this job exits 1 and is retried. If none "
				+ "should be, end the session that holds the lock (PostgreSQL: 'pg_terminate_backend(pid)', "
				+ "MariaDB: 'KILL id'); its database rolls back what it did not commit. Raise "
				+ "'db.migrate.lock-timeout' for migrations that take longer.";
	}

}
