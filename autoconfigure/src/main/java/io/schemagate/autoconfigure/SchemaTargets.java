package io.schemagate.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

import io.schemagate.SchemagateTargets;

/**
 * The application's targets, found once when first asked: every {@code Flyway} bean by
 * its name, in the order the beans are defined, then the targets of each
 * {@link SchemagateTargets} bean in the order it gives them.
 */
public final class SchemaTargets {

	private final Supplier<Map<String, Flyway>> targets;

	SchemaTargets(ListableBeanFactory beanFactory, ObjectProvider<SchemagateTargets> runtimeTargets) {
		this.targets = SingletonSupplier.of(() -> find(beanFactory, runtimeTargets));
	}

	/**
	 * The targets, each one's Flyway by its name, in order.
	 * @return the targets
	 */
	public Map<String, Flyway> get() {
		return this.targets.get();
	}

	/**
	 * The one target's Flyway.
	 * @return the Flyway
	 * @throws IllegalStateException when there are several targets
	 */
	Flyway single() {
		Map<String, Flyway> targets = get();
		if (targets.size() != 1) {
			throw new IllegalStateException(
					"The application has " + targets.size() + " targets " + targets.keySet() + ", not one");
		}
		return targets.values().iterator().next();
	}

	/**
	 * The data sources of the targets.
	 * @return the data sources, one per target
	 */
	public List<DataSource> dataSources() {
		return get().values().stream().map((flyway) -> flyway.getConfiguration().getDataSource()).toList();
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
