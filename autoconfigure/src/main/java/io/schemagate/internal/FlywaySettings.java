package io.schemagate.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.extensibility.AppliedMigration;
import org.flywaydb.core.extensibility.Plugin;
import org.flywaydb.core.extensibility.ResourceTypeProvider;

import io.schemagate.internal.history.SchemaHistoryReader;
import io.schemagate.internal.local.CallbackScript;
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
	 * The callback events Flyway fires in {@code info()} and {@code validate()}: a
	 * callback on one of them can change what Flyway reads (a search path set before it
	 * reads the history) or fail what it reports, and verify runs no callbacks.
	 */
	private static final Set<Event> INFO_AND_VALIDATE_EVENTS = EnumSet.of(Event.AFTER_CONNECT, Event.BEFORE_INFO,
			Event.AFTER_INFO, Event.AFTER_INFO_ERROR, Event.AFTER_INFO_OPERATION_FINISH, Event.BEFORE_VALIDATE,
			Event.AFTER_VALIDATE, Event.AFTER_VALIDATE_ERROR, Event.AFTER_VALIDATE_OPERATION_FINISH);

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
		if (configuration.getResourceProvider() != null) {
			throw new NotVerifiableException("resourceProvider",
					"a custom resource provider (as in a native image) replaces the locations verify scans",
					"Run verify on the JVM, or keep Spring Boot's migrate on startup for native images.");
		}
		if (configuration.getJavaMigrationClassProvider() != null) {
			throw new NotVerifiableException("javaMigrationClassProvider",
					"a custom class provider (as in a native image) replaces the Java migrations verify finds",
					"Run verify on the JVM, or keep Spring Boot's migrate on startup for native images.");
		}
		if (cleanOnValidationError(configuration)) {
			throw new NotVerifiableException("cleanOnValidationError", "Flyway 11 fails every validate() with it set",
					"Remove the cleanOnValidationError setting.");
		}
		checkPlugins(configuration);
		checkPlaceholders(configuration);
		checkCallbacks(configuration.getCallbacks());
	}

	/**
	 * Refuse the callback scripts Flyway would fail on or run in {@code info()} and
	 * {@code validate()}.
	 * @param configuration the Flyway configuration
	 * @param scripts the callback scripts where Flyway looks for them
	 * @throws NotVerifiableException naming the first script that cannot be honoured
	 */
	public static void check(Configuration configuration, List<CallbackScript> scripts) {
		List<CallbackScript> run = scripts.stream()
			.filter((script) -> !script.sql() || !configuration.isSkipDefaultCallbacks())
			.toList();
		Map<String, CallbackScript> byName = new HashMap<>();
		for (CallbackScript script : run) {
			CallbackScript other = script.sql() ? byName.putIfAbsent(script.name(), script) : null;
			if (other != null) {
				throw new NotVerifiableException(
						script.filename(), "Flyway fails on more than one SQL callback script called '" + script.name()
								+ "' ('" + other.filename() + "' and '" + script.filename() + "')",
						"Keep one of them.");
			}
		}
		for (CallbackScript script : run) {
			if (INFO_AND_VALIDATE_EVENTS.contains(script.event())) {
				throw new NotVerifiableException(script.filename(),
						"Flyway runs it on '" + script.event().getId() + "' in info() and validate(), where it can "
								+ "change what Flyway reads or fail what it reports; verify runs no callbacks",
						"Set what it sets through 'spring.flyway.default-schema' or the data source, and run the "
								+ "rest with the migration job (as an afterMigrate callback).");
			}
		}
	}

	/**
	 * Refuse the Java callbacks Flyway runs in {@code info()} and {@code validate()}.
	 * Flyway asks each whether it supports an event with a context; verify asks without
	 * one, and refuses a callback that cannot answer without it.
	 */
	private static void checkCallbacks(Callback[] callbacks) {
		for (Callback callback : callbacks) {
			String name = callback.getClass().getName();
			for (Event event : INFO_AND_VALIDATE_EVENTS) {
				boolean supports;
				try {
					supports = callback.supports(event, null);
				}
				catch (RuntimeException ex) {
					throw new NotVerifiableException(name,
							"its supports() fails without a Flyway context (" + Messages.describe(ex)
									+ "), so verify cannot tell " + "whether Flyway runs it in info() and validate()",
							"Have supports() answer from the event alone, or keep Spring Boot's migrate on startup "
									+ "for this application.");
				}
				if (supports) {
					throw new NotVerifiableException(name,
							"Flyway runs it on '" + event.getId() + "' in info() and validate(), where it can "
									+ "change what Flyway reads or fail what it reports; verify runs no callbacks",
							"Have its supports() answer false for the info and validate events (it still runs "
									+ "with the migration job), or keep Spring Boot's migrate on startup for this "
									+ "application.");
				}
			}
		}
		if (callbacks.length > 0) {
			logger.debug("Flyway callbacks " + names(callbacks) + " run with the migration job, not in verify mode");
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
