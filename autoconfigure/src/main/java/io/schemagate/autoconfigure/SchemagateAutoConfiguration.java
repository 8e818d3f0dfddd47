package io.schemagate.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.check.StartupVerification;
import io.schemagate.internal.migrate.MigrationJob;
import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.MigrationListener;
import io.schemagate.verify.SchemaCheckListener;

/**
 * Auto-configuration that replaces Boot's migrate-on-startup with verify mode (the
 * default) or migrate mode, chosen by {@code db.mode}. Backs off when there is no Flyway
 * bean: no Flyway on the classpath, no data source, or
 * {@code spring.flyway.enabled=false}. The verification beans are lazy, so a migration
 * job never scans for them.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
@ConditionalOnBean(Flyway.class)
@EnableConfigurationProperties(SchemagateProperties.class)
public final class SchemagateAutoConfiguration {

	@Bean
	ModeDecider schemagateModeDecider(SchemagateProperties properties, Environment environment) {
		return new ModeDecider(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
	SchemagateFlywayMigrationStrategy schemagateFlywayMigrationStrategy(ModeDecider decider,
			ObjectProvider<StartupVerification> verification, ObjectProvider<MigrationJob> job) {
		return new SchemagateFlywayMigrationStrategy(decider, verification, job);
	}

	@Bean
	MigrationStrategyNotice schemagateMigrationStrategyNotice(ObjectProvider<FlywayMigrationStrategy> strategies) {
		return new MigrationStrategyNotice(strategies);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SchemaVerifier schemaVerifier(Flyway flyway, SchemagateProperties properties) {
		SchemagateProperties.Verify verify = properties.getVerify();
		return SchemaVerifier.of(flyway.getConfiguration(), verify.getConnectTimeout(), verify.isAllowNewerSchema());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SchemaMonitor schemaMonitor(SchemaVerifier verifier, SchemagateProperties properties,
			ObjectProvider<SchemaCheckListener> listeners) {
		SchemagateProperties.Verify verify = properties.getVerify();
		return new SchemaMonitor(verifier, verify.getPollInterval(), verify.getRefreshInterval(),
				verify.getUnreachableGrace(), (status) -> listeners.orderedStream().forEach((l) -> l.onCheck(status)));
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	StartupVerification schemagateStartupVerification(SchemaMonitor monitor, SchemagateProperties properties) {
		SchemagateProperties.Verify verify = properties.getVerify();
		return new StartupVerification(monitor, verify.getOnStartup(), verify.getPollInterval(),
				verify.getWaitTimeout());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	MigrationJob schemagateMigrationJob(SchemagateProperties properties, ObjectProvider<SchemaMonitor> monitor,
			ObjectProvider<MigrationListener> listeners) {
		SchemagateProperties.Migrate migrate = properties.getMigrate();
		return new MigrationJob(new SchemaMigrator(migrate.getLint(), migrate.getLockTimeout()), System::exit,
				(outcome) -> listeners.orderedStream().forEach((l) -> l.onMigration(outcome)),
				() -> monitor.getObject().start());
	}

}
