package io.schemagate.internal.migrate;

import java.util.function.IntConsumer;
import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

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

	/**
	 * Create a migration job.
	 * @param migrator the migrator
	 * @param processExit ends the process with an exit code ({@code System::exit})
	 * @param listener told of the outcome
	 * @param whenServing run after a successful migration when the application goes on
	 * serving
	 */
	public MigrationJob(SchemaMigrator migrator, IntConsumer processExit, MigrationListener listener,
			Runnable whenServing) {
		this.migrator = migrator;
		this.processExit = processExit;
		this.listener = listener;
		this.whenServing = whenServing;
	}

	/**
	 * Migrate, then exit or carry on.
	 * @param flyway the configured Flyway
	 * @param exit whether to end the process after migrating
	 * @throws MigrationFailedException when the run failed and the application is not to
	 * exit
	 */
	public void run(Flyway flyway, boolean exit) {
		MigrationOutcome outcome = this.migrator.migrate(flyway);
		this.listener.onMigration(outcome);
		if (!exit) {
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
		this.processExit.accept(outcome.exitCode().code());
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
