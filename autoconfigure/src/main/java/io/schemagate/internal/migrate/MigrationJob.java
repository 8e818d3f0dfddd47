package io.schemagate.internal.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import io.schemagate.internal.Messages;
import io.schemagate.migrate.MigrateExitCode;
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
	 * Migrate the application's one target, then exit or carry on.
	 * @param flyway the configured Flyway
	 * @param exit whether to end the process after migrating
	 * @throws MigrationFailedException when the run failed and the application is not to
	 * exit
	 */
	public void run(Flyway flyway, boolean exit) {
		// one target is not named: its outcome looks as it always did
		run(Map.of("flyway", flyway), exit);
	}

	/**
	 * Migrate every target in order, going on after one fails, then exit with the worst
	 * code or carry on.
	 * @param targets the targets' Flyway by name, in order
	 * @param exit whether to end the process after migrating
	 * @throws MigrationFailedException when a run failed and the application is not to
	 * exit
	 */
	public void run(Map<String, Flyway> targets, boolean exit) {
		StopSignal stop = this.stopSignals.get();
		boolean several = targets.size() > 1;
		List<MigrationOutcome> outcomes = new ArrayList<>();
		targets.forEach((name, flyway) -> {
			if (several) {
				logger.info("Target '" + name + "': migrating");
			}
			MigrationOutcome outcome = this.migrator.migrate(flyway, stop);
			outcome = several ? outcome.withTarget(name) : outcome;
			tell(outcome);
			outcomes.add(outcome);
		});
		MigrateExitCode exitCode = outcomes.stream()
			.map(MigrationOutcome::exitCode)
			.max(Comparator.comparingInt(MigrateExitCode::code))
			.orElse(MigrateExitCode.SUCCESS);
		if (several) {
			outcomes.forEach(MigrationJob::summarize);
		}
		boolean mayExit = stop.close();
		List<MigrationOutcome> failed = outcomes.stream().filter((outcome) -> !outcome.isSuccess()).toList();
		if (!exit && mayExit) {
			if (!failed.isEmpty()) {
				throw new MigrationFailedException(failed.get(0));
			}
			this.whenServing.run();
			return;
		}
		for (MigrationOutcome outcome : failed) {
			MigrationFailedException failure = new MigrationFailedException(outcome);
			logger.error(String.format(
					"%n%n***************************%nMIGRATION FAILED%n***************************%n%n"
							+ "Description:%n%n%s%n%nAction:%n%n%s%n",
					Messages.sanitize(failure.getDescription()), Messages.sanitize(failure.getAction())));
		}
		logger.info("Migration job done, exiting with code " + exitCode.code());
		targets.values()
			.stream()
			.map((flyway) -> flyway.getConfiguration().getDataSource())
			.distinct()
			.forEach(MigrationJob::close);
		if (mayExit) {
			this.processExit.accept(exitCode.code());
		}
		else {
			// the JVM shuts down already (SIGTERM): System.exit would wait for ever for
			// the shutdown hook that waits for this thread
			this.halt.accept(exitCode.code());
		}
	}

	private static void summarize(MigrationOutcome outcome) {
		logger.info("Target '" + outcome.target() + "': " + (outcome.isSuccess() ? "migrated" : "failed")
				+ " (exit code " + outcome.exitCode().code() + "), applied " + outcome.applied() + " migration(s)"
				+ (outcome.isSuccess() ? ", schema version " + outcome.version() : ""));
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
