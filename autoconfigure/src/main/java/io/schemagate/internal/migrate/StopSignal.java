package io.schemagate.internal.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;

import io.schemagate.migrate.MigrationStoppedException;

/**
 * A request to stop a migrate job, as SIGTERM makes it: no further migration starts (a
 * Flyway callback refuses the next one before it runs, so that Flyway records nothing of
 * it), and a wait for a lock ends at once. The migration running when the request comes
 * finishes, or rolls back where the database ends its session.
 */
public class StopSignal implements Callback {

	private static final Log logger = LogFactory.getLog(StopSignal.class);

	private final AtomicBoolean requested = new AtomicBoolean();

	private final AtomicInteger applied = new AtomicInteger();

	private volatile @Nullable Connection waiting;

	private @Nullable Thread hook;

	/**
	 * A signal that SIGTERM (any JVM shutdown) requests, until {@link #close()}.
	 * @return the signal
	 */
	public static StopSignal onShutdown() {
		StopSignal signal = new StopSignal();
		Thread hook = new Thread(signal::request, "schemagate-migrate-stop");
		try {
			Runtime.getRuntime().addShutdownHook(hook);
			signal.hook = hook;
		}
		catch (IllegalStateException shuttingDown) {
			signal.requested.set(true);
		}
		return signal;
	}

	/**
	 * Request the job to stop.
	 */
	public void request() {
		if (this.requested.compareAndSet(false, true)) {
			logger.warn("Asked to stop: no further migration will start; the one running, if any, finishes first");
			Connection connection = this.waiting;
			if (connection != null) {
				try {
					connection.abort(Runnable::run);
				}
				catch (SQLException ex) {
					logger.debug("Unable to end the wait for the migrate lock", ex);
				}
			}
		}
	}

	/**
	 * Whether the job was asked to stop.
	 * @return whether it was
	 */
	public boolean isRequested() {
		return this.requested.get();
	}

	/**
	 * Stop here if asked to.
	 * @throws MigrationStoppedException if the job was asked to stop
	 */
	void check() {
		if (this.requested.get()) {
			throw new MigrationStoppedException(this.applied.get());
		}
	}

	/**
	 * The connection waiting for a lock, ended when the job is asked to stop.
	 * @param connection the connection, or {@code null} once the wait is over
	 */
	void waitingOn(@Nullable Connection connection) {
		this.waiting = connection;
		if (connection != null && this.requested.get()) {
			request();
		}
	}

	/**
	 * Stop listening for shutdown, when the job ends by itself.
	 * @return {@code false} when the JVM already shuts down, so that the job must not
	 * call {@code System.exit}, which would wait for ever
	 */
	public boolean close() {
		Thread hook = this.hook;
		if (hook == null) {
			return !this.requested.get();
		}
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
			this.hook = null;
			return true;
		}
		catch (IllegalStateException shuttingDown) {
			return false;
		}
	}

	@Override
	public boolean supports(Event event, @Nullable Context context) {
		return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, @Nullable Context context) {
		return true;
	}

	@Override
	public void handle(Event event, @Nullable Context context) {
		if (event == Event.AFTER_EACH_MIGRATE) {
			this.applied.incrementAndGet();
		}
		else {
			check();
		}
	}

	@Override
	public String getCallbackName() {
		return "schemagate-stop";
	}

}
