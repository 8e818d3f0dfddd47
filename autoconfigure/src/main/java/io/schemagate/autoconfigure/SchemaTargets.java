package io.schemagate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.function.SingletonSupplier;

import io.schemagate.SchemagateTargets;

/**
 * The application's targets, found once when first asked: every {@code Flyway} bean by
 * its name, in the order the beans are defined, then the targets of each
 * {@link SchemagateTargets} bean in the order it gives them. On verify's
 * {@link VerifyPath lean path}, the configurations verify reads are made without Spring
 * Boot's {@code Flyway} bean, which is made only when something asks for it.
 */
public final class SchemaTargets {

	private final Supplier<Map<String, Flyway>> targets;

	private final Supplier<Map<String, Configuration>> configurations;

	SchemaTargets(ListableBeanFactory beanFactory, ObjectProvider<SchemagateTargets> runtimeTargets,
			ResourceLoader resourceLoader) {
		this.targets = SingletonSupplier.of(() -> find(beanFactory, runtimeTargets));
		this.configurations = SingletonSupplier.of(() -> {
			Configuration lean = leanConfiguration(beanFactory, resourceLoader);
			return (lean != null) ? Map.of(VerifyPath.BOOT_FLYWAY, lean) : configurations(get());
		});
	}

	/**
	 * The targets, each one's Flyway by its name, in order.
	 * @return the targets
	 */
	public Map<String, Flyway> get() {
		return this.targets.get();
	}

	/**
	 * The Flyway configurations verify reads, each target's by its name, in order.
	 * @return the configurations
	 */
	public Map<String, Configuration> configurations() {
		return this.configurations.get();
	}

	/**
	 * The one target's Flyway configuration.
	 * @return the configuration
	 * @throws IllegalStateException when there are several targets
	 */
	Configuration single() {
		Map<String, Configuration> configurations = configurations();
		if (configurations.size() != 1) {
			throw new IllegalStateException("The application has " + configurations.size() + " targets "
					+ configurations.keySet() + ", not one");
		}
		return configurations.values().iterator().next();
	}

	/**
	 * The data sources of the targets.
	 * @return the data sources, one per target
	 */
	public List<DataSource> dataSources() {
		return configurations().values().stream().map(Configuration::getDataSource).toList();
	}

	private static Map<String, Configuration> configurations(Map<String, Flyway> targets) {
		Map<String, Configuration> configurations = new LinkedHashMap<>();
		targets.forEach((name, flyway) -> configurations.put(name, flyway.getConfiguration()));
		return configurations;
	}

	/**
	 * Spring Boot's Flyway configuration made from its settings, on the lean path; the
	 * engine's otherwise (also should the settings or the data source have changed since
	 * the path was decided).
	 */
	private static @Nullable Configuration leanConfiguration(ListableBeanFactory beanFactory,
			ResourceLoader resourceLoader) {
		VerifyPath path = beanFactory.getBeanProvider(VerifyPath.class).getIfAvailable();
		if (path == null || !path.lean()) {
			return null;
		}
		FlywayProperties properties = beanFactory.getBeanProvider(FlywayProperties.class).getIfUnique();
		DataSource dataSource = beanFactory.getBeanProvider(DataSource.class).getIfUnique();
		if (properties == null || dataSource == null || BootFlywaySettings.unlisted(properties) != null) {
			return null;
		}
		return BootFlywaySettings.verifyConfiguration(properties, dataSource, resourceLoader.getClassLoader());
	}

	private static Map<String, Flyway> find(ListableBeanFactory beanFactory,
			ObjectProvider<SchemagateTargets> runtimeTargets) {
		Map<String, Flyway> targets = new LinkedHashMap<>();
		for (String name : beanFactory.getBeanNamesForType(Flyway.class, false, true)) {
			targets.put(name, beanFactory.getBean(name, Flyway.class));
		}
		runtimeTargets.orderedStream().forEach((bean) -> bean.targets().forEach((name, flyway) -> {
			Objects.requireNonNull(flyway, () -> "Target '" + name + "' has no Flyway");
			if (targets.putIfAbsent(name, flyway) != null) {
				throw new IllegalStateException("Two targets are named '" + name + "': give each a name of its own");
			}
		}));
		return targets;
	}

}
