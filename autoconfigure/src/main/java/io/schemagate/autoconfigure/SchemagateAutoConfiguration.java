package io.schemagate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

import io.schemagate.SchemagateTargets;
import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.check.StartupVerification;
import io.schemagate.internal.local.SharedScans;
import io.schemagate.internal.migrate.MigrationJob;
import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.MigrationListener;
import io.schemagate.verify.SchemaCheckListener;

/**
 * Auto-configuration that replaces Boot's migrate-on-startup with verify mode (the
 * default) or migrate mode, chosen by {@code db.mode}, for every target: each
 * {@code Flyway} bean, Spring Boot's or the application's, and each target of a
 * {@link SchemagateTargets} bean. Backs off when there is no target: no Flyway on the
 * classpath, no data source, or {@code spring.flyway.enabled=false}, and steps aside for
 * the application's own {@link FlywayMigrationStrategy}. The verification beans are lazy,
 * so a migration job never scans for them.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
@Conditional(SchemagateAutoConfiguration.OnTargetsCondition.class)
@EnableConfigurationProperties(SchemagateProperties.class)
public final class SchemagateAutoConfiguration {

	@Bean
	static LeanVerifyPostProcessor schemagateLeanVerifyPostProcessor() {
		return new LeanVerifyPostProcessor();
	}

	@Bean
	SchemaTargets schemagateSchemaTargets(ListableBeanFactory beanFactory,
			ObjectProvider<SchemagateTargets> runtimeTargets, ResourceLoader resourceLoader) {
		return new SchemaTargets(beanFactory, runtimeTargets, resourceLoader);
	}

	@Bean
	ModeDecider schemagateModeDecider(SchemagateProperties properties, Environment environment) {
		return new ModeDecider(properties, environment);
	}

	@Bean
	@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
	SchemagateFlywayMigrationStrategy schemagateFlywayMigrationStrategy() {
		return new SchemagateFlywayMigrationStrategy();
	}

	@Bean
	@ConditionalOnMissingBean(value = FlywayMigrationStrategy.class, ignored = SchemagateFlywayMigrationStrategy.class)
	SchemagateInitializer schemagateInitializer(ModeDecider decider, SchemaTargets targets,
			ObjectProvider<StartupVerification> verification, ObjectProvider<MigrationJob> job) {
		return new SchemagateInitializer(decider, targets, verification, job);
	}

	@Bean
	MigrationStrategyNotice schemagateMigrationStrategyNotice(ObjectProvider<FlywayMigrationStrategy> strategies) {
		return new MigrationStrategyNotice(strategies);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SchemaVerifier schemaVerifier(SchemaTargets targets, SchemagateProperties properties) {
		return verifier(targets.single(), properties.getVerify(), null);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SchemaMonitor schemaMonitor(SchemaTargets targets, ObjectProvider<SchemaVerifier> verifier,
			SchemagateProperties properties, ObjectProvider<SchemaCheckListener> listeners) {
		SchemagateProperties.Verify verify = properties.getVerify();
		Map<String, Supplier<SchemaVerifier>> verifiers = new LinkedHashMap<>();
		Map<String, Configuration> all = targets.configurations();
		// targets alike (a schema per tenant) read their scripts once
		SharedScans scans = new SharedScans();
		all.forEach((name, configuration) -> verifiers.put(name,
				(all.size() == 1) ? verifier::getObject : () -> verifier(configuration, verify, scans)));
		return SchemaMonitor.ofTargets(verifiers, verify.getPollInterval(), verify.getRefreshInterval(),
				verify.getUnreachableGrace(), (status) -> listeners.orderedStream().forEach((l) -> l.onCheck(status)));
	}

	private static SchemaVerifier verifier(Configuration configuration, SchemagateProperties.Verify verify,
			@Nullable SharedScans scans) {
		return SchemaVerifier.of(configuration, verify.getConnectTimeout(), verify.isAllowNewerSchema(), scans);
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

	/**
	 * Any target: a {@code Flyway} bean, or a {@link SchemagateTargets} bean.
	 */
	static final class OnTargetsCondition extends AnyNestedCondition {

		OnTargetsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(Flyway.class)
		static final class FlywayBean {

		}

		@ConditionalOnBean(SchemagateTargets.class)
		static final class TargetsBean {

		}

	}

}
