package io.schemagate.autoconfigure;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import io.schemagate.SchemagateTargets;
import io.schemagate.autoconfigure.SchemagateProperties.Mode;

import javax.sql.DataSource;

/**
 * Whether verify reads Spring Boot's {@code Flyway} settings without building Flyway's
 * engine (the lean path), and if not, why. Decided once, from the bean definitions and
 * the environment, before any bean is made.
 *
 * @param lean whether verify makes its Flyway configuration from the
 * {@code spring.flyway.*} settings, leaving Spring Boot's {@code Flyway} bean to be made
 * when something asks for it
 * @param reason why verify uses Flyway's engine, when it does
 */
record VerifyPath(boolean lean, @Nullable String reason) {

	/**
	 * The name of Spring Boot's {@code Flyway} bean.
	 */
	static final String BOOT_FLYWAY = "flyway";

	/**
	 * The name of Spring Boot's migration initializer.
	 */
	static final String BOOT_INITIALIZER = "flywayInitializer";

	/**
	 * The beans Spring Boot's database initialization ordering made others depend on and
	 * that verify's lean path leaves unmade.
	 */
	static final List<String> UNMADE = List.of(BOOT_FLYWAY, BOOT_INITIALIZER);

	private static final String BOOT_PACKAGE = "org.springframework.boot.flyway.autoconfigure.";

	/**
	 * Where Flyway's engine, when it is built, looks for {@code Callback} classes.
	 */
	private static final String CALLBACK_PACKAGE = "db/callback";

	private static final VerifyPath LEAN = new VerifyPath(true, null);

	static VerifyPath decide(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		String reason = engineReason(beanFactory, environment);
		return (reason != null) ? new VerifyPath(false, reason) : LEAN;
	}

	private static @Nullable String engineReason(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		if (AotDetector.useGeneratedArtifacts() || Boolean.getBoolean("spring.aot.processing")) {
			// what the lean path changes in bean definitions would be fixed in generated
			// code
			return "the application runs, or is processed into, ahead-of-time generated code";
		}
		Binder binder = Binder.get(environment);
		if (binder.bind("db.mode", Mode.class).orElse(null) == Mode.MIGRATE) {
			return "'db.mode' is 'migrate'";
		}
		if (environment instanceof ConfigurableEnvironment configurable
				&& configurable.getPropertySources().contains(ModeDecider.TEST_CONTEXT_PROPERTY_SOURCE)) {
			return "this is a Spring test context";
		}
		List<String> flyways = List.of(beanFactory.getBeanNamesForType(Flyway.class, true, false));
		if (!flyways.equals(List.of(BOOT_FLYWAY)) || !isBoots(beanFactory, BOOT_FLYWAY)) {
			return "the application defines its own Flyway bean " + flyways;
		}
		String own = ownBean(beanFactory, SchemagateTargets.class, FlywayConfigurationCustomizer.class, Callback.class,
				JavaMigration.class, MigrationResolver.class, FlywayConnectionDetails.class);
		if (own != null) {
			return own;
		}
		if (beanFactory.getParentBeanFactory() instanceof ListableBeanFactory parent) {
			String inParent = parentBean(parent, FlywayConfigurationCustomizer.class, Callback.class,
					JavaMigration.class, MigrationResolver.class, FlywayMigrationStrategy.class);
			if (inParent != null) {
				return inParent;
			}
		}
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (classLoader != null && classLoader.getResource(CALLBACK_PACKAGE) != null) {
			return "the classpath has a '" + CALLBACK_PACKAGE + "' package, whose Callback classes Flyway's "
					+ "engine installs";
		}
		for (String name : beanFactory.getBeanNamesForType(FlywayMigrationStrategy.class, true, false)) {
			Class<?> type = beanFactory.getType(name, false);
			if (type == null || !SchemagateFlywayMigrationStrategy.class.isAssignableFrom(type)) {
				return "the application defines a FlywayMigrationStrategy ('" + name + "')";
			}
		}
		for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, DataSource.class, true,
				false)) {
			if (beanFactory.findAnnotationOnBean(name, FlywayDataSource.class, false) != null) {
				return "the application gives Flyway a data source of its own ('" + name + "')";
			}
		}
		String unlisted = BootFlywaySettings
			.unlisted(binder.bind("spring.flyway", FlywayProperties.class).orElseGet(FlywayProperties::new));
		if (unlisted != null) {
			return "'" + unlisted + "' is set";
		}
		return null;
	}

	/**
	 * The first bean of the given types that Spring Boot's Flyway auto-configuration did
	 * not define (its own customizers set its database extensions' settings, each of
	 * which is a {@code spring.flyway.*} setting the lean path does not list).
	 */
	private static @Nullable String ownBean(ConfigurableListableBeanFactory beanFactory, Class<?>... types) {
		for (Class<?> type : types) {
			for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
				if (!isBoots(beanFactory, name)) {
					return "the application defines a " + type.getSimpleName() + " ('" + name + "')";
				}
			}
		}
		return null;
	}

	/**
	 * Whether Spring Boot's Flyway auto-configuration defined the bean (not whether its
	 * type is one of Spring Boot's: an application's bean may be declared as
	 * {@code FlywayConfigurationCustomizer}).
	 */
	/**
	 * The first bean of the given types in an ancestor context, which Spring Boot's
	 * {@code Flyway} bean is given too.
	 */
	private static @Nullable String parentBean(ListableBeanFactory parent, Class<?>... types) {
		for (Class<?> type : types) {
			String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(parent, type, true, false);
			if (names.length > 0) {
				return "a parent context defines a " + type.getSimpleName() + " ('" + names[0] + "')";
			}
		}
		return null;
	}

	private static boolean isBoots(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			// a singleton the application registered as an object
			return false;
		}
		BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
		String factory = definition.getFactoryBeanName();
		String declaring = (factory != null && beanFactory.containsBeanDefinition(factory))
				? beanFactory.getMergedBeanDefinition(factory).getBeanClassName() : definition.getBeanClassName();
		return declaring != null && declaring.startsWith(BOOT_PACKAGE);
	}

}
