package io.schemagate.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

import io.schemagate.migrate.LintMode;
import io.schemagate.verify.StartupPolicy;

/**
 * Configuration properties for Schemagate, bound from {@code db.*}.
 */
@ConfigurationProperties("db")
public class SchemagateProperties {

	/**
	 * What the application does with the database schema at startup. When unset:
	 * 'verify', except on an in-memory embedded database and in Spring test contexts,
	 * which migrate and then serve.
	 */
	private @Nullable Mode mode;

	private final Verify verify = new Verify();

	private final Migrate migrate = new Migrate();

	public @Nullable Mode getMode() {
		return this.mode;
	}

	public void setMode(@Nullable Mode mode) {
		this.mode = mode;
	}

	public Verify getVerify() {
		return this.verify;
	}

	public Migrate getMigrate() {
		return this.migrate;
	}

	/**
	 * What the application does with the schema at startup.
	 */
	public enum Mode {

		/**
		 * Check that every known migration is applied, never change the database.
		 */
		VERIFY,

		/**
		 * Apply pending migrations with Flyway, then exit (or serve, when
		 * 'db.migrate.exit' is false).
		 */
		MIGRATE

	}

	/**
	 * Verify mode settings.
	 */
	public static class Verify {

		/**
		 * What to do when the schema is not ready at startup.
		 */
		private StartupPolicy onStartup = StartupPolicy.FAIL;

		/**
		 * How long a check may wait for a database connection, and then for each answer
		 * to its query, before the database counts as unreachable.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * How often the schema is checked again while it is not ready.
		 */
		private Duration pollInterval = Duration.ofSeconds(2);

		/**
		 * How long 'wait' waits for the schema at startup before failing.
		 */
		private Duration waitTimeout = Duration.ofMinutes(5);

		/**
		 * How often the schema is checked again once it is ready; 0 means never.
		 */
		private Duration refreshInterval = Duration.ofSeconds(60);

		/**
		 * Whether a database migrated by a newer version of the application (applied
		 * migrations this application does not know) counts as ready.
		 */
		private boolean allowNewerSchema = true;

		/**
		 * How long a schema found ready stays ready while checks cannot reach the
		 * database, counted from the first failed check; 0 means not at all.
		 */
		private Duration unreachableGrace = Duration.ofMinutes(1);

		public StartupPolicy getOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(StartupPolicy onStartup) {
			this.onStartup = onStartup;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			Assert.isTrue(isPositive(connectTimeout), "'connectTimeout' must be positive");
			this.connectTimeout = connectTimeout;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			Assert.isTrue(isPositive(pollInterval), "'pollInterval' must be positive");
			this.pollInterval = pollInterval;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			Assert.isTrue(isPositive(waitTimeout), "'waitTimeout' must be positive");
			this.waitTimeout = waitTimeout;
		}

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			Assert.isTrue(!refreshInterval.isNegative(), "'refreshInterval' must not be negative (0 means never)");
			this.refreshInterval = refreshInterval;
		}

		private static boolean isPositive(Duration duration) {
			return !duration.isNegative() && !duration.isZero();
		}

		public Duration getUnreachableGrace() {
			return this.unreachableGrace;
		}

		public void setUnreachableGrace(Duration unreachableGrace) {
			Assert.isTrue(!unreachableGrace.isNegative(), "'unreachableGrace' must not be negative (0 means none)");
			this.unreachableGrace = unreachableGrace;
		}

		public boolean isAllowNewerSchema() {
			return this.allowNewerSchema;
		}

		public void setAllowNewerSchema(boolean allowNewerSchema) {
			this.allowNewerSchema = allowNewerSchema;
		}

	}

	/**
	 * Migrate mode settings.
	 */
	public static class Migrate {

		/**
		 * Whether the process exits after migrating instead of starting the rest of the
		 * application.
		 */
		private boolean exit = true;

		/**
		 * What to do with statements of pending versioned SQL migrations that break the
		 * version still running (dropping or renaming a table or column, changing a
		 * column's type, adding NOT NULL without a default, dropping a view) when the
		 * script declares no 'schemagate:breaks-before'.
		 */
		private LintMode lint = LintMode.WARN;

		/**
		 * How long the job waits for Flyway's lock, and for other migrate jobs on the
		 * same history table, before it exits 1. Replaces
		 * 'spring.flyway.lock-retry-count' in migrate mode.
		 */
		private Duration lockTimeout = Duration.ofMinutes(5);

		public LintMode getLint() {
			return this.lint;
		}

		public void setLint(LintMode lint) {
			this.lint = lint;
		}

		public boolean isExit() {
			return this.exit;
		}

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public void setExit(boolean exit) {
			this.exit = exit;
		}

	}

}
