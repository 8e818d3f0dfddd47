package io.schemagate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import io.schemagate.internal.migrate.FailureClassifier;
import io.schemagate.migrate.MigrateExitCode;

/**
 * Gives a migration job that fails to start the exit code of its failure, as a failed
 * migration would: {@code 2} unless a retry may help (the database out of reach). Spring
 * Boot would end it with {@code 1}, which a Job retries. Only for a job that is to exit
 * ({@code db.mode=migrate} with {@code db.migrate.exit} not {@code false}) started from
 * the JVM's main thread, never in a test context: once the main thread has ended, failed,
 * the process exits with the code.
 */
class MigrateJobRunListener implements SpringApplicationRunListener {

	private static final Log logger = LogFactory.getLog(MigrateJobRunListener.class);

	private @Nullable ConfigurableEnvironment environment;

	MigrateJobRunListener(SpringApplication application, String[] args) {
	}

	@Override
	public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext,
			ConfigurableEnvironment environment) {
		this.environment = environment;
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		ConfigurableEnvironment environment = (context != null) ? context.getEnvironment() : this.environment;
		Thread main = Thread.currentThread();
		if (environment == null || !isExitingJob(environment) || !"main".equals(main.getName())) {
			return;
		}
		MigrateExitCode exitCode = FailureClassifier.classify(exception);
		Thread exit = new Thread(() -> {
			try {
				main.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			logger.info("Migration job failed to start, exiting with code " + exitCode.code());
			System.exit(exitCode.code());
		}, "schemagate-migrate-exit");
		exit.start();
	}

	private static boolean isExitingJob(ConfigurableEnvironment environment) {
		if (environment.getPropertySources().contains(ModeDecider.TEST_CONTEXT_PROPERTY_SOURCE)) {
			return false;
		}
		return "migrate".equalsIgnoreCase(environment.getProperty("db.mode"))
				&& !"false".equalsIgnoreCase(environment.getProperty("db.migrate.exit"));
	}

}
