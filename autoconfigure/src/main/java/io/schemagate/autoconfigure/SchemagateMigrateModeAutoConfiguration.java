package io.schemagate.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for an explicit {@code db.mode=migrate}: startup fails, naming why,
 * when nothing would be migrated, also when {@link SchemagateAutoConfiguration} backs
 * off.
 */
@AutoConfiguration(after = SchemagateAutoConfiguration.class)
@ConditionalOnProperty(name = "db.mode", havingValue = "migrate")
public final class SchemagateMigrateModeAutoConfiguration {

	@Bean
	static MigrateModeGuard schemagateMigrateModeGuard(ListableBeanFactory beanFactory, Environment environment) {
		return new MigrateModeGuard(beanFactory, environment);
	}

}
