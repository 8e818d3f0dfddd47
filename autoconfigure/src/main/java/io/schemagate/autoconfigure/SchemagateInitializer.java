package io.schemagate.autoconfigure;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

import io.schemagate.internal.check.StartupVerification;
import io.schemagate.internal.migrate.MigrationJob;

/**
 * Runs the mode once at startup, for every target: verify checks them, migrate migrates
 * them. Beans that need the database (JPA, {@code JdbcClient}, jOOQ) wait for it, as for
 * Spring Boot's migration on startup, also when the application defines its own
 * {@code Flyway} beans and Spring Boot makes no migration initializer.
 */
final class SchemagateInitializer implements InitializingBean {

	private final ModeDecider decider;

	private final SchemaTargets targets;

	private final ObjectProvider<StartupVerification> verification;

	private final ObjectProvider<MigrationJob> job;

	private boolean ran;

	private volatile boolean migrated;

	SchemagateInitializer(ModeDecider decider, SchemaTargets targets, ObjectProvider<StartupVerification> verification,
			ObjectProvider<MigrationJob> job) {
		this.decider = decider;
		this.targets = targets;
		this.verification = verification;
		this.job = job;
	}

	@Override
	public void afterPropertiesSet() {
		run();
	}

	/**
	 * Run the mode, the first time only.
	 */
	synchronized void run() {
		if (this.ran) {
			return;
		}
		this.ran = true;
		ModeDecision decision = this.decider.decideAndLog(this.targets.dataSources());
		if (decision.mode() == SchemagateProperties.Mode.MIGRATE) {
			this.migrated = true;
			this.job.getObject().run(this.targets.get(), decision.exit());
		}
		else {
			PoolStarts.startUnstarted(this.targets.dataSources());
			this.verification.getObject().verify();
		}
	}

	/**
	 * Whether migrate mode ran.
	 * @return whether the migration job ran
	 */
	boolean hasMigrated() {
		return this.migrated;
	}

}
