package io.schemagate.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.extensibility.AppliedMigration;
import org.flywaydb.core.extensibility.Plugin;
import org.flywaydb.core.extensibility.ResourceTypeProvider;

import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.internal.local.LocalMigration;
import io.schemagate.verify.NotVerifiableException;

/**
 * The Flyway settings verify cannot honour exactly with one read-only query, refused by
 * name at startup: each would make verify's answer differ from what Flyway's own
 * {@code info()} and {@code validate()} say of the same database. Everything else in
 * Flyway's configuration is honoured or does not change what they say (the inventory is
 * in {@code FlywaySettingsInventoryTests}).
 */
public final class FlywaySettings {

	private static final Log logger = LogFactory.getLog(FlywaySettings.class);

	/**
	 * Callback events Flyway fires during {@code info()} and {@code validate()} before it
	 * reads the history, so that a callback script for them changes what it reads.
	 */
	private static final Set<String> EVENTS_BEFORE_READING = Set.of("afterConnect", "beforeInfo", "beforeValidate");

	private static final Set<String> CORE_PLUGINS = Set.of(
			"org.flywaydb.core.api.migration.baseline.BaselineMigrationResolver",
			"org.flywaydb.core.internal.resource.CoreResourceTypeProvider",
			"org.flywaydb.core.api.migration.baseline.BaselineResourceTypeProvider",
			"org.flywaydb.core.internal.schemahistory.BaseAppliedMigration",
			"org.flywaydb.core.api.migration.baseline.BaselineAppliedMigration");

	private FlywaySettings() {
	}

	/**
	 * Refuse what verify cannot honour in a configuration.
	 * @param configuration the Flyway configuration
	 * @throws NotVerifiableException naming the first setting that cannot be honoured
	 */
	public static void check(Configuration configuration) {
		if (hasText(configuration.getInitSql()) && SchemaHistoryReader.historySchema(configuration) == null) {
			throw new NotVerifiableException("spring.flyway.init-sqls",
					"Flyway runs them on its own connections, so they can choose which schema's history it reads; "
							+ "verify reads on the application's connections, which do not run them",
					"Set 'spring.flyway.default-schema' to the schema that holds the history, so that verify and "
							+ "Flyway read the same table.");
		}
		if (configuration.getResolvers().length > 0) {
			throw new NotVerifiableException("resolvers",
					"custom migration resolvers (" + names(configuration.getResolvers())
							+ ") decide which migrations exist in code verify does not run",
					"Use Flyway's own SQL and Java migrations, or keep Spring Boot's migrate on startup for this "
							+ "application.");
		}
		if (configuration.getCherryPick() != null) {
			throw new NotVerifiableException("cherryPick",
					"it belongs to Flyway's paid editions, whose rules verify " + "does not know",
					"Remove the cherry-pick setting.");
		}
		if (configuration.getResourceProvider() != null || configuration.getJavaMigrationClassProvider() != null) {
			throw new NotVerifiableException("resourceProvider",
					"a custom resource or class provider (as in a native image) replaces the locations verify scans",
					"Run verify on the JVM, or keep Spring Boot's migrate on startup for native images.");
		}
		if (cleanOnValidationError(configuration)) {
			throw new NotVerifiableException("cleanOnValidationError", "Flyway 11 fails every validate() with it set",
					"Remove the cleanOnValidationError setting.");
		}
		checkPlugins(configuration);
		checkPlaceholders(configuration);
	}

	/**
	 * Refuse what verify cannot honour in the migrations found.
	 * @param configuration the Flyway configuration
	 * @param local the migrations found
	 * @param callbackScripts the callback scripts found in the migration locations
	 * @throws NotVerifiableException naming the first setting or script that cannot be
	 * honoured
	 */
	public static void check(Configuration configuration, List<LocalMigration> local, Set<String> callbackScripts) {
		if (!configuration.isSkipDefaultCallbacks()) {
			for (String script : callbackScripts) {
				String event = script.contains(".") ? script.substring(0, script.indexOf('.')) : script;
				if (EVENTS_BEFORE_READING.contains(event)) {
					throw new NotVerifiableException(script,
							"Flyway runs it before it reads the history in info() and validate(), so it can change "
									+ "what Flyway reads; verify runs no callbacks",
							"Set what it sets through 'spring.flyway.default-schema' or the data source instead.");
				}
			}
		}
		if (configuration.getCallbacks().length > 0) {
			logger.info("Flyway callbacks " + names(configuration.getCallbacks())
					+ " are not run by verify mode; they run with the migration job");
		}
	}

	private static void checkPlugins(Configuration configuration) {
		for (Class<? extends Plugin> type : List.of(MigrationResolver.class, ResourceTypeProvider.class,
				AppliedMigration.class)) {
			for (Plugin plugin : configuration.getPluginRegister().getInstancesOf(type)) {
				if (!CORE_PLUGINS.contains(plugin.getClass().getName())) {
					throw new NotVerifiableException(plugin.getClass().getName(),
							"this Flyway extension changes how migrations are found or read, which verify does not "
									+ "follow",
							"Remove the extension from the application's classpath, or keep Spring Boot's migrate on "
									+ "startup for this application.");
				}
			}
		}
	}

	private static void checkPlaceholders(Configuration configuration) {
		String reserved = "flyway" + configuration.getPlaceholderSeparator();
		for (String name : configuration.getPlaceholders().keySet()) {
			if (name.toLowerCase().startsWith(reserved)) {
				throw new NotVerifiableException("spring.flyway.placeholders." + name,
						"Flyway reserves the '" + reserved + "' prefix and fails on it", "Rename the placeholder.");
			}
		}
	}

	/**
	 * Flyway 11's {@code isCleanOnValidationError()}, gone in Flyway 12.
	 */
	private static boolean cleanOnValidationError(Configuration configuration) {
		try {
			Method method = Configuration.class.getMethod("isCleanOnValidationError");
			return Boolean.TRUE.equals(method.invoke(configuration));
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private static String names(Object[] objects) {
		return Arrays.stream(objects).map((object) -> object.getClass().getName()).collect(Collectors.joining(", "));
	}

}
