package io.schemagate.internal.migrate;

import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import io.schemagate.internal.Messages;
import io.schemagate.migrate.MigrationFailedException;
import io.schemagate.migrate.MigrationListener;
import io.schemagate.migrate.MigrationOutcome;

/**
 * Migrate mode as a one-shot job: migrates, then either ends the process with the
 * outcome's exit code or, when the application is to go on serving, fails startup on a
 * failed run.
 * <p>
 * The process is ended from here, during context refresh, on purpose: nothing else of the
 * application (schedulers, listeners, servers) has started yet, and an exit code thrown
 * out of a half-refreshed context would reach the JVM as {@code 1} whatever it said.
 */
public class MigrationJob {

	private static final Log logger = LogFactory.getLog(MigrationJob.class);

	private final SchemaMigrator migrator;

	private final IntConsumer processExit;

	private final MigrationListener listener;

	private final Runnable whenServing;

	private final Supplier<StopSignal> stopSignals;

	private final IntConsumer halt;

	/**
	 * Create a migration job that stops on SIGTERM.
	 * @param migrator the migrator
	 * @param processExit ends the process with an exit code ({@code System::exit})
	 * @param listener told of the outcome
	 * @param whenServing run after a successful migration when the application goes on
	 * serving
	 */
	public MigrationJob(SchemaMigrator migrator, IntConsumer processExit, MigrationListener listener,
			Runnable whenServing) {
		this(migrator, processExit, listener, whenServing, StopSignal::onShutdown, Runtime.getRuntime()::halt);
	}

	/**
	 * Create a migration job.
	 * @param migrator the migrator
	 * @param processExit ends the process with an exit code ({@code System::exit})
	 * @param listener told of the outcome
	 * @param whenServing run after a successful migration when the application goes on
	 * serving
	 * @param stopSignals gives each run the signal that asks it to stop
	 * @param halt ends the process once it shuts down already ({@code Runtime::halt})
	 */
	public MigrationJob(SchemaMigrator migrator, IntConsumer processExit, MigrationListener listener,
			Runnable whenServing, Supplier<StopSignal> stopSignals, IntConsumer halt) {
		this.migrator = migrator;
		this.processExit = processExit;
		this.listener = listener;
		this.whenServing = whenServing;
		this.stopSignals = stopSignals;
		this.halt = halt;
	}

	/**
	 * Migrate, then exit or carry on.
	 * @param flyway the configured Flyway
	 * @param exit whether to end the process after migrating
	 * @throws MigrationFailedException when the run failed and the application is not to
	 * exit
	 */
	public void run(Flyway flyway, boolean exit) {
		StopSignal stop = this.stopSignals.get();
		MigrationOutcome outcome = this.migrator.migrate(flyway, stop);
		tell(outcome);
		boolean mayExit = stop.close();
		if (!exit && mayExit) {
			if (!outcome.isSuccess()) {
				throw new MigrationFailedException(outcome);
			}
			this.whenServing.run();
			return;
		}
		if (!outcome.isSuccess()) {
			MigrationFailedException failure = new MigrationFailedException(outcome);
			logger
				.error(String.format(
						"%n%n***************************%nMIGRATION FAILED%n***************************%n%n"
								+ "Description:%n%n%s%n%nAction:%n%n%s%n",
						failure.getDescription(), failure.getAction()));
		}
		logger.info("Migration job done, exiting with code " + outcome.exitCode().code());
		close(flyway.getConfiguration().getDataSource());
		if (mayExit) {
			this.processExit.accept(outcome.exitCode().code());
		}
		else {
			// the JVM shuts down already (SIGTERM): System.exit would wait for ever for
			// the shutdown hook that waits for this thread
			this.halt.accept(outcome.exitCode().code());
		}
	}

	/**
	 * Tell the listeners; one that fails changes nothing of the outcome or the exit code.
	 */
	private void tell(MigrationOutcome outcome) {
		try {
			this.listener.onMigration(outcome);
		}
		catch (RuntimeException ex) {
			logger.error("A migration listener failed; the outcome stays as it was (exit code "
					+ outcome.exitCode().code() + "): " + Messages.describe(ex));
		}
	}

	private static void close(DataSource dataSource) {
		if (dataSource instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.debug("Unable to close the data source before exiting", ex);
			}
		}
	}

}
