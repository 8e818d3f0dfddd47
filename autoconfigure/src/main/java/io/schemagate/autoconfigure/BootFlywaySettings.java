package io.schemagate.autoconfigure;

import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayProperties;

/**
 * The {@code spring.flyway.*} settings as Spring Boot's {@code Flyway} bean has them, in
 * a configuration made without building Flyway's engine: verify reads only the
 * configuration. Each setting is set as Spring Boot sets it; a setting not listed here
 * (the separate connection of {@code spring.flyway.url} and {@code user}, the vendor
 * locations, the settings of Flyway's paid editions and of its database extensions, and
 * any that a later Spring Boot adds) is left to Spring Boot's own bean.
 */
final class BootFlywaySettings {

	private static final String VENDOR_PLACEHOLDER = "{vendor}";

	private static final Map<String, BiConsumer<FlywayProperties, FluentConfiguration>> SETTINGS = new LinkedHashMap<>();

	static {
		setting("enabled", (p, c) -> {
		});
		setting("locations", (p, c) -> c.locations(p.getLocations().toArray(new String[0])));
		setting("callbackLocations", (p, c) -> {
			if (!p.getCallbackLocations().isEmpty()) {
				c.callbackLocations(p.getCallbackLocations().toArray(new String[0]));
			}
		});
		setting("failOnMissingLocations", (p, c) -> c.failOnMissingLocations(p.isFailOnMissingLocations()));
		setting("encoding", (p, c) -> c.encoding(p.getEncoding()));
		setting("connectRetries", (p, c) -> c.connectRetries(p.getConnectRetries()));
		setting("connectRetriesInterval",
				(p, c) -> c.connectRetriesInterval((int) p.getConnectRetriesInterval().getSeconds()));
		setting("lockRetryCount", (p, c) -> c.lockRetryCount(p.getLockRetryCount()));
		setting("defaultSchema", (p, c) -> ifSet(p.getDefaultSchema(), c::defaultSchema));
		setting("schemas", (p, c) -> c.schemas(p.getSchemas().toArray(new String[0])));
		setting("createSchemas", (p, c) -> c.createSchemas(p.isCreateSchemas()));
		setting("table", (p, c) -> c.table(p.getTable()));
		setting("tablespace", (p, c) -> ifSet(p.getTablespace(), c::tablespace));
		setting("baselineDescription", (p, c) -> c.baselineDescription(p.getBaselineDescription()));
		setting("baselineVersion", (p, c) -> c.baselineVersion(p.getBaselineVersion()));
		setting("installedBy", (p, c) -> ifSet(p.getInstalledBy(), c::installedBy));
		setting("placeholders", (p, c) -> c.placeholders(p.getPlaceholders()));
		setting("placeholderPrefix", (p, c) -> c.placeholderPrefix(p.getPlaceholderPrefix()));
		setting("placeholderSuffix", (p, c) -> c.placeholderSuffix(p.getPlaceholderSuffix()));
		setting("placeholderSeparator", (p, c) -> c.placeholderSeparator(p.getPlaceholderSeparator()));
		setting("placeholderReplacement", (p, c) -> c.placeholderReplacement(p.isPlaceholderReplacement()));
		setting("sqlMigrationPrefix", (p, c) -> c.sqlMigrationPrefix(p.getSqlMigrationPrefix()));
		setting("sqlMigrationSuffixes",
				(p, c) -> c.sqlMigrationSuffixes(p.getSqlMigrationSuffixes().toArray(new String[0])));
		setting("sqlMigrationSeparator", (p, c) -> c.sqlMigrationSeparator(p.getSqlMigrationSeparator()));
		setting("repeatableSqlMigrationPrefix",
				(p, c) -> c.repeatableSqlMigrationPrefix(p.getRepeatableSqlMigrationPrefix()));
		setting("target", (p, c) -> c.target(p.getTarget()));
		setting("baselineOnMigrate", (p, c) -> c.baselineOnMigrate(p.isBaselineOnMigrate()));
		setting("cleanDisabled", (p, c) -> c.cleanDisabled(p.isCleanDisabled()));
		setting("group", (p, c) -> c.group(p.isGroup()));
		setting("mixed", (p, c) -> c.mixed(p.isMixed()));
		setting("outOfOrder", (p, c) -> c.outOfOrder(p.isOutOfOrder()));
		setting("skipDefaultCallbacks", (p, c) -> c.skipDefaultCallbacks(p.isSkipDefaultCallbacks()));
		setting("skipDefaultResolvers", (p, c) -> c.skipDefaultResolvers(p.isSkipDefaultResolvers()));
		setting("validateMigrationNaming", (p, c) -> c.validateMigrationNaming(p.isValidateMigrationNaming()));
		setting("validateOnMigrate", (p, c) -> c.validateOnMigrate(p.isValidateOnMigrate()));
		setting("initSqls", (p, c) -> {
			if (!p.getInitSqls().isEmpty()) {
				c.initSql(String.join("\n", p.getInitSqls()));
			}
		});
		setting("scriptPlaceholderPrefix", (p, c) -> c.scriptPlaceholderPrefix(p.getScriptPlaceholderPrefix()));
		setting("scriptPlaceholderSuffix", (p, c) -> c.scriptPlaceholderSuffix(p.getScriptPlaceholderSuffix()));
		setting("executeInTransaction", (p, c) -> c.executeInTransaction(p.isExecuteInTransaction()));
		setting("loggers", (p, c) -> c.loggers(p.getLoggers()));
		setting("ignoreMigrationPatterns",
				(p, c) -> c.ignoreMigrationPatterns(p.getIgnoreMigrationPatterns().toArray(new String[0])));
		// without 'url' or 'user' Spring Boot gives Flyway the application's data source
		setting("password", (p, c) -> {
		});
		setting("driverClassName", (p, c) -> {
		});
	}

	private BootFlywaySettings() {
	}

	/**
	 * The first setting that differs from Spring Boot's default and is not set here, as
	 * its {@code spring.flyway.*} name.
	 * @param properties the bound properties
	 * @return the name, or {@code null} when this class sets every setting that is set
	 */
	static @Nullable String unlisted(FlywayProperties properties) {
		String differing = differing(properties, new FlywayProperties(), "");
		if (differing != null) {
			return "spring.flyway." + differing;
		}
		for (String location : properties.getLocations()) {
			if (location.contains(VENDOR_PLACEHOLDER)) {
				return "spring.flyway.locations (" + location + ")";
			}
		}
		for (String location : properties.getCallbackLocations()) {
			if (location.contains(VENDOR_PLACEHOLDER)) {
				return "spring.flyway.callback-locations (" + location + ")";
			}
		}
		return null;
	}

	/**
	 * A configuration as Spring Boot's {@code Flyway} bean has it when there are no
	 * callbacks, Java migrations or customizers of the application's own.
	 * @param properties the bound properties, with no {@link #unlisted unlisted} setting
	 * @param dataSource the data source Spring Boot gives Flyway
	 * @param classLoader the class loader Spring Boot gives Flyway
	 * @return the configuration
	 */
	static FluentConfiguration configuration(FlywayProperties properties, DataSource dataSource,
			@Nullable ClassLoader classLoader) {
		FluentConfiguration configuration = new FluentConfiguration(classLoader);
		configuration.dataSource(dataSource);
		SETTINGS.values().forEach((setting) -> setting.accept(properties, configuration));
		return configuration;
	}

	/**
	 * The same configuration, answering the settings of Flyway's connection environment
	 * from the properties. Flyway answers them by resolving its environment, which copies
	 * the whole configuration through Jackson (hundreds of classes loaded at startup for
	 * values the properties hold).
	 * @param properties the bound properties, with no {@link #unlisted unlisted} setting
	 * @param dataSource the data source Spring Boot gives Flyway
	 * @param classLoader the class loader Spring Boot gives Flyway
	 * @return the configuration verify reads
	 */
	static Configuration verifyConfiguration(FlywayProperties properties, DataSource dataSource,
			@Nullable ClassLoader classLoader) {
		FluentConfiguration configuration = configuration(properties, dataSource, classLoader);
		Map<String, @Nullable Object> environment = new HashMap<>();
		environment.put("getInitSql",
				properties.getInitSqls().isEmpty() ? null : String.join("\n", properties.getInitSqls()));
		environment.put("getSchemas", properties.getSchemas().toArray(new String[0]));
		environment.put("getConnectRetries", properties.getConnectRetries());
		environment.put("getConnectRetriesInterval", (int) properties.getConnectRetriesInterval().getSeconds());
		environment.put("getJdbcProperties", Map.of());
		environment.put("getUrl", null);
		environment.put("getUser", null);
		environment.put("getPassword", null);
		environment.put("getDriver", null);
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (method.getParameterCount() == 0 && environment.containsKey(method.getName())) {
				return environment.get(method.getName());
			}
			try {
				return method.invoke(configuration, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		};
		return (Configuration) Proxy.newProxyInstance(BootFlywaySettings.class.getClassLoader(),
				new Class<?>[] { Configuration.class }, handler);
	}

	/**
	 * The settings set here, by their names in {@link FlywayProperties}.
	 * @return the names
	 */
	static Set<String> names() {
		return SETTINGS.keySet();
	}

	private static @Nullable String differing(Object bound, Object defaults, String prefix) {
		BeanWrapper boundWrapper = PropertyAccessorFactory.forBeanPropertyAccess(bound);
		BeanWrapper defaultsWrapper = PropertyAccessorFactory.forBeanPropertyAccess(defaults);
		for (PropertyDescriptor descriptor : boundWrapper.getPropertyDescriptors()) {
			String name = descriptor.getName();
			if (descriptor.getReadMethod() == null || "class".equals(name)
					|| (prefix.isEmpty() && SETTINGS.containsKey(name))) {
				continue;
			}
			Object value = boundWrapper.getPropertyValue(name);
			Object defaultValue = defaultsWrapper.getPropertyValue(name);
			String kebab = prefix + kebab(name);
			if (value != null && value.getClass().getEnclosingClass() == FlywayProperties.class) {
				String nested = differing(value, Objects.requireNonNull(defaultValue), kebab + ".");
				if (nested != null) {
					return nested;
				}
			}
			else if (!Objects.deepEquals(value, defaultValue)) {
				return kebab;
			}
		}
		return null;
	}

	private static String kebab(String name) {
		StringBuilder kebab = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

	private static void setting(String name, BiConsumer<FlywayProperties, FluentConfiguration> setting) {
		SETTINGS.put(name, setting);
	}

	private static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

}
