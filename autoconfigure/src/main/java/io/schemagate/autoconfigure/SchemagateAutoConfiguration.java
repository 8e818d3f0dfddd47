package io.schemagate.autoconfigure;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Role;

import io.schemagate.migrate.MigrationJob;
import io.schemagate.migrate.SchemaMigrator;
import io.schemagate.verify.SchemaVerifier;
import io.schemagate.verify.StartupVerification;

/**
 * Auto-configuration that replaces Boot's migrate-on-startup with verify mode (the
 * default) or migrate mode, chosen by {@code db.mode}. Backs off when there is no Flyway
 * bean: no Flyway on the classpath, no data source, or
 * {@code spring.flyway.enabled=false}.
 */
@AutoConfiguration(after = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class })
@ConditionalOnBean(Flyway.class)
@EnableConfigurationProperties(SchemagateProperties.class)
public final class SchemagateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
	SchemagateFlywayMigrationStrategy schemagateFlywayMigrationStrategy(SchemagateProperties properties,
			ObjectProvider<StartupVerification> verification, ObjectProvider<MigrationJob> job) {
		return new SchemagateFlywayMigrationStrategy(properties.getMode(), verification, job);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	MigrationStrategyNotice schemagateMigrationStrategyNotice(ObjectProvider<FlywayMigrationStrategy> strategies) {
		return new MigrationStrategyNotice(strategies);
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SchemaVerifier schemaVerifier(Flyway flyway, SchemagateProperties properties) {
		return SchemaVerifier.of(flyway.getConfiguration(), properties.getVerify().getConnectTimeout());
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	StartupVerification schemagateStartupVerification(SchemaVerifier verifier, SchemagateProperties properties) {
		SchemagateProperties.Verify verify = properties.getVerify();
		return new StartupVerification(verifier, verify.getOnStartup(), verify.isAllowNewerSchema(),
				verify.getPollInterval(), verify.getWaitTimeout(), (status) -> {
				});
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	MigrationJob schemagateMigrationJob(SchemagateProperties properties) {
		return new MigrationJob(new SchemaMigrator(), properties.getMigrate().isExit(), System::exit, (outcome) -> {
		});
	}

}
