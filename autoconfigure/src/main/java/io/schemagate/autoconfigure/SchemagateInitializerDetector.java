package io.schemagate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Makes the beans that need the database (JPA, {@code JdbcClient}, jOOQ) wait for
 * Schemagate's check or migration of every target.
 */
class SchemagateInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(SchemagateInitializer.class);
	}

	/**
	 * After Flyway's detectors (0 for {@code Flyway} beans, 1 for Spring Boot's migration
	 * initializer): the targets are made before they are checked.
	 */
	@Override
	public int getOrder() {
		return 2;
	}

}
