package io.schemagate.autoconfigure;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.actuate.endpoint.FlywayEndpoint;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.schemagate.SchemagateTargets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verify's lean path: Spring Boot's {@code Flyway} bean left unmade while verify reads a
 * configuration made from the {@code spring.flyway.*} settings, the same configuration as
 * the bean's for every setting, and Flyway's engine whenever the application has
 * something only the engine honours.
 */
class LeanVerifyPathTests {

	/** A database of each test's own. */
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				SchemagateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "db.mode=verify", "db.verify.on-startup=start-unready");

	@Test
	void verifyLeavesSpringBootsFlywayUnmadeUntilSomethingAsksForIt() {
		// JdbcClient waits for the database's initializers; for Schemagate's only
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcClient.class);
				assertThat(context.getBeanFactory().getBeanDefinition("jdbcClient").getDependsOn())
					.contains("schemagateInitializer")
					.doesNotContain("flyway", "flywayInitializer");
				assertThat(context.getBean(VerifyPath.class).lean()).isTrue();
				assertThat(context.getBean(SchemaTargets.class).configurations()).containsOnlyKeys("flyway");
				assertThat(context.getBeanFactory().containsSingleton("flyway")).isFalse();
				assertThat(context.getBeanFactory().containsSingleton("flywayInitializer")).isFalse();
				assertThat(context.getBean(Flyway.class).getConfiguration().getDataSource())
					.isSameAs(context.getBean(DataSource.class));
			});
	}

	@Test
	void flywayEndpointReportsTheMigrationsOnTheLeanPath() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(FlywayEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=flyway")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(VerifyPath.class).lean()).isTrue();
				assertThat(context.getBeanFactory().containsSingleton("flyway")).isFalse();
				FlywayEndpoint.FlywayDescriptor flyway = context.getBean(FlywayEndpoint.class)
					.flywayBeans()
					.getContexts()
					.get(context.getId())
					.getFlywayBeans()
					.get("flyway");
				assertThat(flyway.getMigrations()).extracting(FlywayEndpoint.FlywayMigrationDescriptor::getState)
					.isNotEmpty()
					.containsOnly(MigrationState.PENDING);
			});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("engineCases")
	void verifyBuildsFlywaysEngineWhenTheApplicationHasWhatOnlyTheEngineHonours(String what, Class<?> configuration,
			String[] properties, String reason) {
		this.contextRunner.withUserConfiguration(configuration).withPropertyValues(properties).run((context) -> {
			assertThat(context).hasNotFailed();
			VerifyPath path = context.getBean(VerifyPath.class);
			assertThat(path.lean()).isFalse();
			assertThat(path.reason()).contains(reason);
			assertThat(context.getBeanFactory().getBeanNamesForType(Flyway.class, true, false))
				.allSatisfy((name) -> assertThat(context.getBeanFactory().containsSingleton(name)).isTrue());
		});
	}

	@Test
	void verifyBuildsFlywaysEngineWhenACallbackIsARegisteredObject() {
		this.contextRunner
			.withInitializer((context) -> context.getBeanFactory()
				.registerSingleton("registered", new CallbackConfiguration().callback()))
			.run((context) -> assertEngine(context, "Callback ('registered')"));
	}

	@Test
	void verifyBuildsFlywaysEngineWhenAParentContextHasACallback() {
		try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext(
				CallbackConfiguration.class)) {
			this.contextRunner.withParent(parent)
				.run((context) -> assertEngine(context, "a parent context defines a Callback ('callback')"));
		}
	}

	@Test
	void verifyBuildsFlywaysEngineWhenTheClasspathHasFlywaysCallbackPackage(@TempDir Path classes) throws IOException {
		Files.createDirectories(classes.resolve("db/callback"));
		Files.writeString(classes.resolve("db/callback/README"), "Flyway's engine installs Callback classes here");
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(classLoader)
				.run((context) -> assertEngine(context, "the classpath has a 'db/callback' package"));
		}
	}

	private static void assertEngine(AssertableApplicationContext context, String reason) {
		assertThat(context).hasNotFailed();
		VerifyPath path = context.getBean(VerifyPath.class);
		assertThat(path.lean()).isFalse();
		assertThat(path.reason()).contains(reason);
		assertThat(context.getBeanFactory().containsSingleton("flyway")).isTrue();
	}

	static Stream<Arguments> engineCases() {
		String[] none = {};
		return Stream.of(
				engine("a FlywayConfigurationCustomizer", CustomizerConfiguration.class, none,
						"FlywayConfigurationCustomizer ('customizer')"),
				engine("a Callback", CallbackConfiguration.class, none, "Callback ('callback')"),
				engine("a JavaMigration", JavaMigrationConfiguration.class, none, "JavaMigration ('javaMigration')"),
				engine("a MigrationResolver", ResolverConfiguration.class, none, "MigrationResolver ('resolver')"),
				engine("a FlywayMigrationStrategy", StrategyConfiguration.class, none,
						"FlywayMigrationStrategy ('strategy')"),
				engine("a Flyway bean of the application's", OwnFlywayConfiguration.class, none,
						"its own Flyway bean [ownFlyway]"),
				engine("a @FlywayDataSource", FlywayDataSourceConfiguration.class, none,
						"data source of its own ('migrations')"),
				engine("FlywayConnectionDetails", ConnectionDetailsConfiguration.class, none,
						"FlywayConnectionDetails ('connectionDetails')"),
				engine("a SchemagateTargets bean", TargetsConfiguration.class, none, "SchemagateTargets ('targets')"),
				engine("spring.flyway.url", NoConfiguration.class,
						new String[] { "spring.flyway.url=jdbc:h2:mem:" + UUID.randomUUID() },
						"'spring.flyway.url' is set"),
				engine("spring.flyway.user", NoConfiguration.class, new String[] { "spring.flyway.user=sa" },
						"'spring.flyway.user' is set"),
				engine("a vendor location", NoConfiguration.class,
						new String[] { "spring.flyway.locations=classpath:db/migration,classpath:db/{vendor}" },
						"'spring.flyway.locations (classpath:db/{vendor})' is set"),
				engine("a database extension's setting", NoConfiguration.class,
						new String[] { "spring.flyway.postgresql.transactional-lock=false" },
						"'spring.flyway.postgresql.transactional-lock' is set"),
				engine("a setting the lean path does not list", NoConfiguration.class,
						new String[] { "spring.flyway.jdbc-properties.fetchSize=10" },
						"'spring.flyway.jdbc-properties' is set"),
				engine("migrate mode", NoConfiguration.class,
						new String[] { "db.mode=migrate", "db.migrate.exit=false" }, "'db.mode' is 'migrate'"));
	}

	private static Arguments engine(String what, Class<?> configuration, String[] properties, String reason) {
		return Arguments.of(what, configuration, properties, reason);
	}

	/**
	 * Every setting the lean path lists, set to something other than its default: the
	 * configuration verify reads must answer every getter as Spring Boot's bean does. The
	 * beans are lazy, so that no check runs (some settings find no migrations here).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("settings")
	void leanConfigurationIsSpringBootsForEverySetting(String setting, String[] properties) {
		this.contextRunner
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.withPropertyValues(properties)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(VerifyPath.class).lean()).isTrue();
				Configuration lean = context.getBean(SchemaTargets.class).configurations().get("flyway");
				assertThat(context.getBeanFactory().containsSingleton("flyway")).isFalse();
				Configuration engine = context.getBean(Flyway.class).getConfiguration();
				assertThat(getters(lean)).isEqualTo(getters(engine));
			});
	}

	@Test
	void everySettingTheLeanPathListsIsCompared() {
		assertThat(settings().map((arguments) -> camel((String) arguments.get()[0])))
			.containsExactlyInAnyOrderElementsOf(BootFlywaySettings.names());
	}

	static Stream<Arguments> settings() {
		Map<String, String[]> settings = new LinkedHashMap<>();
		settings.put("enabled", new String[] { "spring.flyway.enabled=true" });
		settings.put("locations", new String[] { "spring.flyway.locations=classpath:db/migration,classpath:db/newer" });
		settings.put("callback-locations", new String[] { "spring.flyway.callback-locations=classpath:db/empty" });
		settings.put("fail-on-missing-locations", new String[] { "spring.flyway.fail-on-missing-locations=true" });
		settings.put("encoding", new String[] { "spring.flyway.encoding=ISO-8859-1" });
		settings.put("connect-retries", new String[] { "spring.flyway.connect-retries=3" });
		settings.put("connect-retries-interval", new String[] { "spring.flyway.connect-retries-interval=7s" });
		settings.put("lock-retry-count", new String[] { "spring.flyway.lock-retry-count=9" });
		settings.put("default-schema", new String[] { "spring.flyway.default-schema=PUBLIC" });
		settings.put("schemas", new String[] { "spring.flyway.schemas=PUBLIC,OTHER" });
		settings.put("create-schemas", new String[] { "spring.flyway.create-schemas=false" });
		settings.put("table", new String[] { "spring.flyway.table=other_history" });
		settings.put("tablespace", new String[] { "spring.flyway.tablespace=other_space" });
		settings.put("baseline-description", new String[] { "spring.flyway.baseline-description=base" });
		settings.put("baseline-version", new String[] { "spring.flyway.baseline-version=3" });
		settings.put("installed-by", new String[] { "spring.flyway.installed-by=someone" });
		settings.put("placeholders", new String[] { "spring.flyway.placeholders.who=bakery" });
		settings.put("placeholder-prefix", new String[] { "spring.flyway.placeholder-prefix=#[" });
		settings.put("placeholder-suffix", new String[] { "spring.flyway.placeholder-suffix=]#" });
		settings.put("placeholder-separator", new String[] { "spring.flyway.placeholder-separator=@" });
		settings.put("placeholder-replacement", new String[] { "spring.flyway.placeholder-replacement=false" });
		settings.put("sql-migration-prefix", new String[] { "spring.flyway.sql-migration-prefix=M" });
		settings.put("sql-migration-suffixes", new String[] { "spring.flyway.sql-migration-suffixes=.sql,.ddl" });
		settings.put("sql-migration-separator", new String[] { "spring.flyway.sql-migration-separator=___" });
		settings.put("repeatable-sql-migration-prefix",
				new String[] { "spring.flyway.repeatable-sql-migration-prefix=RR" });
		settings.put("target", new String[] { "spring.flyway.target=2" });
		settings.put("baseline-on-migrate", new String[] { "spring.flyway.baseline-on-migrate=true" });
		settings.put("clean-disabled", new String[] { "spring.flyway.clean-disabled=false" });
		settings.put("group", new String[] { "spring.flyway.group=true" });
		settings.put("mixed", new String[] { "spring.flyway.mixed=true" });
		settings.put("out-of-order", new String[] { "spring.flyway.out-of-order=true" });
		settings.put("skip-default-callbacks", new String[] { "spring.flyway.skip-default-callbacks=true" });
		settings.put("skip-default-resolvers", new String[] { "spring.flyway.skip-default-resolvers=true" });
		settings.put("validate-migration-naming", new String[] { "spring.flyway.validate-migration-naming=true" });
		settings.put("validate-on-migrate", new String[] { "spring.flyway.validate-on-migrate=false" });
		settings.put("init-sqls",
				new String[] { "spring.flyway.init-sqls=SELECT 1,SELECT 2", "spring.flyway.default-schema=PUBLIC" });
		settings.put("script-placeholder-prefix", new String[] { "spring.flyway.script-placeholder-prefix=SP__" });
		settings.put("script-placeholder-suffix", new String[] { "spring.flyway.script-placeholder-suffix=__SP" });
		settings.put("execute-in-transaction", new String[] { "spring.flyway.execute-in-transaction=false" });
		settings.put("loggers", new String[] { "spring.flyway.loggers=auto" });
		settings.put("ignore-migration-patterns", new String[] { "spring.flyway.ignore-migration-patterns=*:missing" });
		settings.put("password", new String[] { "spring.flyway.password=secret" });
		settings.put("driver-class-name", new String[] { "spring.flyway.driver-class-name=org.h2.Driver" });
		return settings.entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue()));
	}

	private static String camel(String name) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	/**
	 * What each getter of Flyway's configuration answers, in a form that compares by
	 * value: the data source and class loader by identity, extensions by their type.
	 * Flyway's caches of what it resolved from the settings are left out: they fill as
	 * they are read.
	 */
	private static Map<String, String> getters(Configuration configuration) {
		Map<String, String> values = new LinkedHashMap<>();
		List<Method> methods = new ArrayList<>(Arrays.asList(Configuration.class.getMethods()));
		methods.sort(Comparator.comparing(Method::getName));
		for (Method method : methods) {
			if (method.getParameterCount() > 0 || Modifier.isStatic(method.getModifiers())
					|| !(method.getName().startsWith("get") || method.getName().startsWith("is"))
					|| method.getName().startsWith("getCached")) {
				continue;
			}
			values.put(method.getName(), describe(answer(method, configuration)));
		}
		return values;
	}

	private static @Nullable Object answer(Method method, Configuration configuration) {
		try {
			return method.invoke(configuration);
		}
		catch (InvocationTargetException ex) {
			return "fails with " + ex.getTargetException().getClass().getName();
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String describe(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?> || value instanceof MigrationVersion || value instanceof Charset) {
			return String.valueOf(value);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, String> described = new TreeMap<>();
			map.forEach((key, each) -> described.put(String.valueOf(key), describe(each)));
			return described.toString();
		}
		if (value instanceof Object[] array) {
			return Arrays.stream(array).map(LeanVerifyPathTests::describe).toList().toString();
		}
		if (value instanceof DataSource || value instanceof ClassLoader) {
			return value.getClass().getName() + "@" + System.identityHashCode(value);
		}
		String text = value.toString();
		return text.contains("@") ? value.getClass().getName() : text;
	}

	static class NoConfiguration {

	}

	static class CustomizerConfiguration {

		@Bean
		FlywayConfigurationCustomizer customizer() {
			return (configuration) -> configuration.baselineDescription("customized");
		}

	}

	static class CallbackConfiguration {

		@Bean
		Callback callback() {
			return new Callback() {

				@Override
				public boolean supports(Event event, @Nullable Context context) {
					return event == Event.AFTER_MIGRATE;
				}

				@Override
				public boolean canHandleInTransaction(Event event, Context context) {
					return true;
				}

				@Override
				public void handle(Event event, Context context) {
				}

				@Override
				public String getCallbackName() {
					return "test";
				}

			};
		}

	}

	static class JavaMigrationConfiguration {

		@Bean
		JavaMigration javaMigration() {
			return new V9__Java();
		}

	}

	static class ResolverConfiguration {

		@Bean
		MigrationResolver resolver() {
			return (context) -> List.of();
		}

	}

	static class StrategyConfiguration {

		@Bean
		FlywayMigrationStrategy strategy() {
			return (flyway) -> {
			};
		}

	}

	static class OwnFlywayConfiguration {

		@Bean
		Flyway ownFlyway(DataSource dataSource) {
			return Flyway.configure().dataSource(dataSource).load();
		}

	}

	static class FlywayDataSourceConfiguration {

		@Bean
		@FlywayDataSource
		DataSource migrations(@Value("${spring.datasource.url}") String url) {
			return new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", "");
		}

	}

	static class ConnectionDetailsConfiguration {

		@Bean
		FlywayConnectionDetails connectionDetails() {
			return new FlywayConnectionDetails() {

				@Override
				public @Nullable String getUsername() {
					return null;
				}

				@Override
				public @Nullable String getPassword() {
					return null;
				}

				@Override
				public @Nullable String getJdbcUrl() {
					return null;
				}

			};
		}

	}

	static class TargetsConfiguration {

		@Bean
		SchemagateTargets targets(DataSource dataSource) {
			return () -> Map.of("other",
					Flyway.configure().dataSource(dataSource).locations("classpath:db/tenant").load());
		}

	}

	/**
	 * A Java migration of the application's.
	 */
	static class V9__Java extends BaseJavaMigration {

		@Override
		public void migrate(org.flywaydb.core.api.migration.Context context) {
		}

	}

}
