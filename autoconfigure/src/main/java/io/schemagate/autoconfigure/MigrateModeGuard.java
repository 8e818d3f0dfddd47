package io.schemagate.autoconfigure;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import io.schemagate.SchemagateTargets;
import io.schemagate.migrate.MigrateModeUnavailableException;

/**
 * Fails startup when {@code db.mode=migrate} migrated nothing, once every singleton is
 * created (Schemagate's initializer, which runs the job, among them), naming why: Flyway
 * missing or disabled, no data source, the application's own strategy.
 */
final class MigrateModeGuard implements SmartInitializingSingleton, BeanClassLoaderAware {

	private final ListableBeanFactory beanFactory;

	private final Environment environment;

	private @Nullable ClassLoader classLoader;

	MigrateModeGuard(ListableBeanFactory beanFactory, Environment environment) {
		this.beanFactory = beanFactory;
		this.environment = environment;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", this.classLoader)) {
			throw new MigrateModeUnavailableException("Flyway is not on the classpath",
					"Add 'org.flywaydb:flyway-core' (Schemagate's starter brings it) and Flyway's module for the "
							+ "database, or run the application without 'db.mode=migrate'.");
		}
		FlywayChecks.check(this.beanFactory, this.environment);
	}

	/**
	 * The checks that need Flyway's and Boot's Flyway types, loaded only with Flyway
	 * present.
	 */
	private static final class FlywayChecks {

		static void check(ListableBeanFactory beanFactory, Environment environment) {
			for (SchemagateInitializer initializer : beanFactory
				.getBeansOfType(SchemagateInitializer.class, false, false)
				.values()) {
				if (initializer.hasMigrated()) {
					return;
				}
			}
			if (beanFactory.getBeanNamesForType(Flyway.class, true, false).length == 0
					&& beanFactory.getBeanNamesForType(SchemagateTargets.class, true, false).length == 0) {
				if (Boolean.FALSE.equals(environment.getProperty("spring.flyway.enabled", Boolean.class))) {
					throw new MigrateModeUnavailableException("'spring.flyway.enabled' is false",
							"Remove 'spring.flyway.enabled=false' from the job's configuration, or run the "
									+ "application without 'db.mode=migrate'.");
				}
				if (beanFactory.getBeanNamesForType(DataSource.class, true, false).length == 0) {
					throw new MigrateModeUnavailableException("no DataSource is configured",
							"Set 'spring.datasource.url' (or 'spring.flyway.url') for the job.");
				}
				throw new MigrateModeUnavailableException("Spring Boot configured no Flyway",
						"Check the Flyway auto-configuration's conditions in the conditions report ('--debug').");
			}
			List<String> own = Arrays
				.stream(beanFactory.getBeanNamesForType(FlywayMigrationStrategy.class, true, false))
				.filter((name) -> !isSchemagates(beanFactory.getType(name, false)))
				.toList();
			if (!own.isEmpty()) {
				throw new MigrateModeUnavailableException(
						"the application's own FlywayMigrationStrategy '" + own.get(0)
								+ "' runs instead of Schemagate's",
						"Remove the application's FlywayMigrationStrategy to let Schemagate migrate, or run the "
								+ "application without 'db.mode=migrate'.");
			}
			throw new MigrateModeUnavailableException("Spring Boot's Flyway migration on startup did not run",
					"Check that 'spring.main.lazy-initialization' is not set for the job.");
		}

		private static boolean isSchemagates(@Nullable Class<?> type) {
			return type != null && SchemagateFlywayMigrationStrategy.class.isAssignableFrom(type);
		}

	}

}
