package io.schemagate.internal;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationPattern;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.baseline.BaselineMigrationConfigurationExtension;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.extensibility.Plugin;
import org.flywaydb.core.extensibility.ResourceType;
import org.flywaydb.core.extensibility.ResourceTypeProvider;
import org.flywaydb.core.internal.license.VersionPrinter;
import org.flywaydb.core.internal.plugin.PluginRegister;
import org.flywaydb.core.internal.util.Pair;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.ReflectionUtils;

import io.schemagate.internal.check.FlywayVerdict;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.verify.NotVerifiableException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every getter of Flyway's {@link Configuration} and what verify mode does with it, in
 * the spirit of Spring Boot's {@code FlywayPropertiesTests}: a setting Flyway adds fails
 * the build until someone decides whether verify honours it, refuses it by name, or can
 * ignore it because it does not change what Flyway's {@code info()} and
 * {@code validate()} report. Each refusal is tried, and the honoured settings not checked
 * elsewhere are checked against Flyway's own verdict on the same database.
 */
class FlywaySettingsInventoryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Getters Flyway 12 removed: the same tests run against Flyway 11 (Spring Boot 4.0)
	 * and Flyway 12 (Spring Boot 4.1).
	 */
	private static final Set<String> FLYWAY_11_ONLY = Set.of("isCleanOnValidationError", "getDatabaseType");

	private static final boolean FLYWAY_11 = VersionPrinter.getVersion().startsWith("11.");

	private static final String CREATE_BREAD = "CREATE TABLE bread (id INT PRIMARY KEY, name VARCHAR(50));\n";

	private static final String INDEX_BREAD = "CREATE INDEX bread_name ON bread (name);\n";

	private static final String SEED_BREAD = "INSERT INTO bread (id, name) VALUES (2, 'rye');\n";

	private static final String BREAD_NAMES = "CREATE OR REPLACE VIEW bread_names AS SELECT name FROM bread;\n";

	private static final Set<MigrationState> PENDING = EnumSet.of(MigrationState.PENDING, MigrationState.OUTDATED,
			MigrationState.IGNORED);

	/**
	 * One in-memory database per test, the same for every configuration of the test.
	 */
	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private static final Map<String, Handling> INVENTORY = Map.ofEntries(
			entry("getBaselineDescription", irrelevant("baseline() writes it; info() and validate() read the rows")),
			entry("getBaselineVersion", irrelevant("baseline() writes it; info() and validate() read the rows")),
			entry("getCachedDataSources", irrelevant("environment plumbing behind getDataSource()")),
			entry("getCachedResolvedEnvironments", irrelevant("environment plumbing behind getDataSource()")),
			entry("getCallbackLocations", honoured("LocalMigrationScanner: callback scripts looked for only there")),
			entry("getCallbacks", refused("FlywaySettings: Java callbacks that support an event Flyway fires in "
					+ "info() or validate() (11.14.1: FlywayExecutor.java:227 afterConnect, DbInfo.java:46 beforeInfo, "
					+ "DbValidate.java:98 beforeValidate), where they can change or fail what Flyway reports; the "
					+ "others run only in migrate(), which verify does not run")),
			entry("getCherryPick", refused("FlywaySettings: set only by Flyway's paid editions")),
			entry("getClassLoader", honoured("LocationScanner, JavaMigrations: classpath locations and Java classes")),
			entry("getConfigurationExtension",
					honoured("ScriptName.Prefixes: the baseline migration prefix; other "
							+ "extensions (PostgreSQL lock, clean mode) change no report")),
			entry("getConnectRetries", irrelevant("retries a connection; verify reports UNREACHABLE instead")),
			entry("getConnectRetriesInterval", irrelevant("retries a connection; verify reports UNREACHABLE instead")),
			entry("getCurrentEnvironmentName", honoured("ScriptPlaceholders: ${flyway:environment}")),
			entry("getDatabaseType", irrelevant("Flyway 11 only; info() and validate() detect it from the connection")),
			entry("getDataSource", honoured("SchemaVerifier: where the history is read")),
			entry("getDefaultSchema", honoured("SchemaHistoryReader: the history's schema; ${flyway:defaultSchema}")),
			entry("getDriver", irrelevant("only builds getDataSource() when none is set, which verify reads through")),
			entry("getDryRunOutput",
					irrelevant("migrate's dry run (paid editions); info() and validate() write no SQL")),
			entry("getEncoding", honoured("ScriptText: strict decoding of scripts and .conf files")),
			entry("getErrorOverrides",
					irrelevant("open-source Flyway refuses to set them, so the check of batch with "
							+ "error overrides (ConfigurationValidator.java:34) cannot fail")),
			entry("getIgnoreMigrationPatterns", honoured("FlywayRules: what validate() reports")),
			entry("getInitSql", refused("FlywaySettings: without a default schema it can choose the history read")),
			entry("getInstalledBy", irrelevant("written by migrate, never compared")),
			entry("getJavaMigrationClassProvider", refused("FlywaySettings: it replaces the class scanning")),
			entry("getJavaMigrations", honoured("JavaMigrations: described by Flyway's getResolvedMigration")),
			entry("getJdbcProperties", irrelevant("only builds getDataSource() when none is set")),
			entry("getKerberosConfigFile", irrelevant("authentication of Flyway's own connections")),
			entry("getLocations",
					honoured("LocationScanner: classpath: and filesystem:, wildcards, hidden folders; "
							+ "other prefixes refused")),
			entry("getLockRetryCount", irrelevant("locking by migrate; info() and validate() take no lock")),
			entry("getLoggers", irrelevant("logging")),
			entry("getModernConfig", irrelevant("the model behind the other getters")),
			entry("getPassword", irrelevant("only builds getDataSource() when none is set")),
			entry("getPlaceholderPrefix", honoured("ScriptPlaceholders: repeatable migrations' checksums")),
			entry("getPlaceholders",
					honoured("ScriptPlaceholders; FlywaySettings: reserved names refused as Flyway refuses them")),
			entry("getPlaceholderSeparator", honoured("ScriptPlaceholders: Flyway's own placeholder names")),
			entry("getPlaceholderSuffix", honoured("ScriptPlaceholders: repeatable migrations' checksums")),
			entry("getPluginRegister",
					refused("FlywaySettings: resolvers, resource types and history row types "
							+ "other than Flyway's core ones; the core baseline plugins are honoured")),
			entry("getPowershellExecutable", irrelevant("runs script migrations, which verify refuses")),
			entry("getRepeatableSqlMigrationPrefix", honoured("ScriptName.Prefixes")),
			entry("getReportFilename", irrelevant("report output")),
			entry("getResolvedEnvironment", irrelevant("environment plumbing behind getDataSource()")),
			entry("getResolvers", refused("FlywaySettings: custom code decides which migrations exist")),
			entry("getResourceProvider", refused("FlywaySettings: it replaces the location scanning")),
			entry("getSchemas", honoured("SchemaHistoryReader: the first is the history's schema without a default")),
			entry("getScriptPlaceholderPrefix", irrelevant("only script migrations' checksums, which verify refuses")),
			entry("getScriptPlaceholderSuffix", irrelevant("only script migrations' checksums, which verify refuses")),
			entry("getSqlMigrationPrefix", honoured("ScriptName.Prefixes")),
			entry("getSqlMigrationSeparator", honoured("ScriptName.Prefixes: version and description")),
			entry("getSqlMigrationSuffixes", honoured("ScriptName.Prefixes: the first matching, in any case")),
			entry("getTable", honoured("SchemaHistoryReader: the history table; ${flyway:table}")),
			entry("getTablespace", irrelevant("used when creating the history table")),
			entry("getTarget",
					honoured("FlywayRules: latest, current, next or a version; a version no migration "
							+ "has is refused, as Flyway fails on it")),
			entry("getUrl", irrelevant("only builds getDataSource() when none is set")),
			entry("getUser", irrelevant("only builds getDataSource() when none is set; ${flyway:user} is refused")),
			entry("getWorkingDirectory", honoured("ScriptPlaceholders: ${flyway:workingDirectory}")),
			entry("isBaselineOnMigrate", irrelevant("migrate only")),
			entry("isBatch", irrelevant("statement execution; see getErrorOverrides")),
			entry("isCleanDisabled", irrelevant("clean only")),
			entry("isCleanOnValidationError", refused("FlywaySettings: Flyway 11 fails every validate() with it")),
			entry("isCommunityDBSupportEnabled",
					irrelevant("chooses database plugins; PostgreSQL, MySQL, MariaDB "
							+ "and H2 are not community databases")),
			entry("isCreateSchemas", irrelevant("migrate and baseline only; a missing schema reads as no history")),
			entry("isDetectEncoding", honoured("ScriptText: Flyway's detection, filesystem locations only")),
			entry("isExecuteInTransaction", irrelevant("how migrations and validate() run, not what they report")),
			entry("isFailOnMissingLocations", honoured("LocationScanner: a missing location refused, as Flyway fails")),
			entry("isFailOnMissingTarget", honoured("FlywaySettings: with getTarget()")),
			entry("isGroup", irrelevant("migrate only")),
			entry("isMixed", irrelevant("parsing for execution; info() and validate() do not parse")),
			entry("isOutOfOrder", honoured("FlywayRules: pending rather than ignored")),
			entry("isOutputQueryResults", irrelevant("logging of query results")),
			entry("isPlaceholderReplacement", honoured("LocalMigrationScanner: with the .conf file's setting")),
			entry("isReportEnabled", irrelevant("report output")),
			entry("isSkipDefaultCallbacks",
					honoured("FlywaySettings: callback scripts refused only where Flyway would run them")),
			entry("isSkipDefaultResolvers", honoured("LocalMigrationScanner: only the configured Java migrations")),
			entry("isSkipExecutingMigrations", irrelevant("migrate only")),
			entry("isStream", irrelevant("parsing for execution")),
			entry("isValidateMigrationNaming", honoured("LocalMigrationScanner: a bad name refused, as Flyway fails")),
			entry("isValidateOnMigrate", irrelevant("migrate only")));

	@Test
	void everyGetterOfFlywaysConfigurationIsInTheInventory() {
		Set<String> unknown = new TreeSet<>(getters());
		unknown.removeAll(INVENTORY.keySet());
		assertThat(unknown)
			.as("settings of Flyway %s not in the inventory: decide whether verify honours, refuses "
					+ "or may ignore each", VersionPrinter.getVersion())
			.isEmpty();
	}

	@Test
	void everyGetterInTheInventoryStillExists() {
		Set<String> gone = new TreeSet<>(INVENTORY.keySet());
		gone.removeAll(getters());
		gone.removeAll(FLYWAY_11_ONLY);
		assertThat(gone).as("inventory entries Flyway %s no longer has", VersionPrinter.getVersion()).isEmpty();
	}

	@Test
	void gettersOnlyInFlyway11ExistOnlyInFlyway11() {
		if (FLYWAY_11) {
			assertThat(getters()).containsAll(FLYWAY_11_ONLY);
		}
		else {
			assertThat(getters()).doesNotContainAnyElementsOf(FLYWAY_11_ONLY);
		}
	}

	@Test
	void everySettingThatChangesWhatFlywayReportsIsHonouredOrRefused() {
		Map<String, Handling> todo = new TreeMap<>(INVENTORY);
		todo.values().removeIf((handling) -> handling.kind() != Kind.TODO);
		assertThat(todo)
			.as("settings verify neither honours nor refuses, though they change what Flyway's info() "
					+ "and validate() report")
			.isEmpty();
	}

	@Test
	void everyRefusedSettingIsTried() {
		Set<String> refused = new TreeSet<>(INVENTORY.keySet());
		refused.removeIf((getter) -> INVENTORY.get(getter).kind() != Kind.REFUSED);
		Set<String> tried = refusals().map(Refusal::getter).collect(Collectors.toCollection(TreeSet::new));
		// tried on its own, as it exists only in Flyway 11
		tried.add("isCleanOnValidationError");
		assertThat(tried).isEqualTo(refused);
	}

	private static Set<String> getters() {
		return Arrays.stream(Configuration.class.getMethods())
			.map(Method::getName)
			.filter((name) -> name.startsWith("get") || name.startsWith("is"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static Stream<Refusal> refusals() {
		return Stream.of(
				new Refusal("getInitSql", "spring.flyway.init-sqls", "spring.flyway.default-schema",
						(configuration) -> configuration.initSql("SET SCHEMA PUBLIC").load().getConfiguration()),
				new Refusal("getResolvers", "resolvers", "Flyway's own SQL and Java migrations",
						(configuration) -> configuration.resolvers(new NoMigrations()).load().getConfiguration()),
				new Refusal("getCherryPick", "cherryPick", "Remove the cherry-pick setting",
						(configuration) -> answering(configuration.load().getConfiguration(), "getCherryPick",
								new MigrationPattern[] { new MigrationPattern("1") })),
				new Refusal("getResourceProvider", "resourceProvider", "Run verify on the JVM",
						(configuration) -> configuration.resourceProvider(new NoResources()).load().getConfiguration()),
				new Refusal("getJavaMigrationClassProvider", "javaMigrationClassProvider", "Run verify on the JVM",
						(configuration) -> configuration.javaMigrationClassProvider(List::of)
							.load()
							.getConfiguration()),
				new Refusal("getCallbacks", LogsEveryEvent.class.getName(), "supports() answer false",
						(configuration) -> configuration.callbacks(new LogsEveryEvent()).load().getConfiguration()),
				new Refusal("getCallbacks", AsksTheContext.class.getName(), "answer from the event alone",
						(configuration) -> configuration.callbacks(new AsksTheContext()).load().getConfiguration()),
				new Refusal("getPluginRegister", NoMigrations.class.getName(), "Remove the extension",
						(configuration) -> withPlugin(configuration.load().getConfiguration(), new NoMigrations())),
				new Refusal("getPluginRegister", NoResourceTypes.class.getName(), "Remove the extension",
						(configuration) -> withPlugin(configuration.load().getConfiguration(), new NoResourceTypes())));
	}

	/**
	 * A configuration that answers one getter differently: how a setting open-source
	 * Flyway cannot be given (a paid edition's, an extension's) reaches verify.
	 */
	private static Configuration answering(Configuration configuration, String getter, Object answer) {
		return (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
				new Class<?>[] { Configuration.class }, (proxy, method, arguments) -> {
					if (method.getName().equals(getter)) {
						return answer;
					}
					try {
						return method.invoke(configuration, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/**
	 * Flyway finds plugins with a service loader on its own class loader, which a test
	 * cannot extend for one configuration only: the register answers as it would with an
	 * extension's jar on the classpath.
	 */
	private static Configuration withPlugin(Configuration configuration, Plugin extension) {
		PluginRegister plugins = configuration.getPluginRegister();
		return answering(configuration, "getPluginRegister", new PluginRegister() {

			@Override
			public <T extends Plugin> List<T> getInstancesOf(Class<T> type) {
				List<T> instances = new ArrayList<>(plugins.getInstancesOf(type));
				if (type.isInstance(extension)) {
					instances.add(type.cast(extension));
				}
				return instances;
			}

			@Override
			public <T extends Plugin> T getExact(Class<T> type) {
				return plugins.getExact(type);
			}

		});
	}

	private static void assertRefused(Configuration configuration, String subject, String advice) {
		assertThatExceptionOfType(NotVerifiableException.class)
			.isThrownBy(() -> SchemaVerifier.of(configuration, TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getSubject()).isEqualTo(subject);
				assertThat(ex.getDescription()).contains("'" + subject + "'");
				assertThat(ex.getAction()).contains(advice);
			});
	}

	/**
	 * What verify cannot honour is refused by name before anything is read.
	 */
	@Nested
	class Refusals {

		@TempDir
		Path folder;

		@ParameterizedTest(name = "{0}")
		@MethodSource("io.schemagate.internal.FlywaySettingsInventoryTests#refusals")
		void verifyRefusesWhatItCannotHonour(Refusal refusal) throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			assertRefused(refusal.configure().apply(configure(this.folder)), refusal.subject(), refusal.advice());
		}

		@Test
		void initSqlsAreHonouredWhenTheHistorySchemaIsConfigured() throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Configuration configuration = configure(this.folder).initSql("SET SCHEMA PUBLIC")
				.defaultSchema("PUBLIC")
				.load()
				.getConfiguration();
			assertThat(SchemaVerifier.of(configuration, TIMEOUT).knownCount()).isOne();
		}

		@Test
		void cleanOnValidationErrorIsRefusedOnFlyway11AndGoneFromFlyway12() throws Exception {
			Method setter = ReflectionUtils.findMethod(FluentConfiguration.class, "cleanOnValidationError",
					boolean.class);
			if (!FLYWAY_11) {
				assertThat(setter).as("FluentConfiguration.cleanOnValidationError on Flyway 12").isNull();
				assertThat(getters()).doesNotContain("isCleanOnValidationError");
				return;
			}
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			FluentConfiguration configuration = configure(this.folder);
			setter.invoke(configuration, true);
			Flyway flyway = configuration.load();
			assertThatExceptionOfType(FlywayException.class).as("Flyway's validate()").isThrownBy(flyway::validate);
			assertRefused(flyway.getConfiguration(), "cleanOnValidationError", "Remove the cleanOnValidationError");
		}

		/**
		 * Flyway runs these callbacks in {@code info()} and {@code validate()}, before it
		 * reads the history (where they can change what it reads) or after (where they
		 * can fail what it reports): a callback with a description runs for its event
		 * too, and a shell script callback runs even with default callbacks skipped.
		 */
		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "afterConnect.sql", "beforeInfo.sql", "beforeValidate.sql",
				"beforeValidate__set_search_path.sql", "afterValidateError.sql", "afterInfo.sql", "beforeInfo.sh" })
		void verifyRefusesCallbackScriptsFlywayRunsInInfoAndValidate(String script) throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Files.writeString(this.folder.resolve(script), "SELECT 1;\n");
			assertRefused(configure(this.folder).load().getConfiguration(), script, "spring.flyway.default-schema");
		}

		@Test
		void javaCallbacksFlywayRunsInValidateCanFailItSoVerifyRefusesThem() throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Flyway flyway = configure(this.folder).callbacks(new FailsBeforeValidate()).load();
			assertThatExceptionOfType(FlywayException.class).as("Flyway's validate()").isThrownBy(flyway::validate);
			assertRefused(flyway.getConfiguration(), FailsBeforeValidate.class.getName(), "supports() answer false");
		}

		@Test
		void javaCallbacksOnlyForMigrateAreAccepted() throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Flyway flyway = configure(this.folder).callbacks(new FailsAfterMigrate()).load();
			assertAgreesWithFlyway(flyway, SchemaState.BEHIND);
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "afterMigrate.sql", "beforeEachMigrate__audit.sql", "afterMigrate.sh" })
		void callbackScriptsOnlyForMigrateAreAccepted(String script) throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Files.writeString(this.folder.resolve(script), "SELECT * FROM no_such_table;\n");
			assertAgreesWithFlyway(configure(this.folder).load(), SchemaState.BEHIND);
		}

		@Test
		void callbackScriptsAreLookedForOnlyInTheCallbackLocations() throws IOException {
			Path callbacks = Files.createDirectories(this.folder.resolve("callbacks"));
			Path migrations = Files.createDirectories(this.folder.resolve("migrations"));
			Files.writeString(migrations.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Files.writeString(migrations.resolve("beforeInfo.sql"), "SELECT * FROM no_such_table;\n");
			Files.writeString(callbacks.resolve("afterMigrate.sql"), "SELECT 1;\n");
			FluentConfiguration configuration = configure(migrations).callbackLocations("filesystem:" + callbacks);
			assertAgreesWithFlyway(configuration.load(), SchemaState.BEHIND);
			Files.writeString(callbacks.resolve("beforeValidate.sql"), "SELECT 1;\n");
			assertRefused(configure(migrations).callbackLocations("filesystem:" + callbacks).load().getConfiguration(),
					"beforeValidate.sql", "spring.flyway.default-schema");
		}

		/**
		 * Flyway finds no migration in locations that hold only callbacks ("No migrations
		 * found"); neither does verify, which then stops startup for it.
		 */
		@Test
		void locationsWithOnlyCallbacksHoldNoMigrations() throws IOException {
			Files.writeString(this.folder.resolve("afterMigrate.sql"), "SELECT 1;\n");
			Files.writeString(this.folder.resolve("afterMigrate__audit.sql"), "SELECT 1;\n");
			Flyway flyway = configure(this.folder).load();
			assertThat(flyway.info().all()).isEmpty();
			assertThat(flyway.validateWithResult().warnings).anyMatch((warning) -> warning.contains("No migrations"));
			assertThat(SchemaVerifier.of(flyway.getConfiguration(), TIMEOUT).knownCount()).isZero();
		}

		@Test
		void callbackScriptsAreAcceptedWhenFlywaySkipsThem() throws IOException {
			Files.writeString(this.folder.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Files.writeString(this.folder.resolve("beforeInfo.sql"), "SELECT * FROM no_such_table;\n");
			assertAgreesWithFlyway(configure(this.folder).skipDefaultCallbacks(true).load(), SchemaState.BEHIND);
		}

	}

	/**
	 * Honoured settings not checked elsewhere, each where it changes Flyway's verdict:
	 * verify says what Flyway's own {@code info()} and {@code validate()} say of the same
	 * database, or refuses where they fail.
	 */
	@Nested
	class AgreementWithFlyway {

		@TempDir
		Path folder;

		@Test
		void customMigrationNamesAreReadAsFlywayReadsThem() throws IOException {
			write("M1-create_bread.ddl", CREATE_BREAD);
			write("M2-index_bread.SQL", INDEX_BREAD);
			write("RR-bread_names.ddl", BREAD_NAMES);
			write("V3__not_a_migration_here.sql", "not SQL at all");
			Function<FluentConfiguration, FluentConfiguration> naming = (configuration) -> configuration
				.sqlMigrationPrefix("M")
				.repeatableSqlMigrationPrefix("RR")
				.sqlMigrationSeparator("-")
				.sqlMigrationSuffixes(".ddl", ".sql");
			naming.apply(configure()).load().migrate();
			write("M3-seed_bread.sql", SEED_BREAD);
			SchemaStatus status = assertAgreesWithFlyway(naming.apply(configure()).load(), SchemaState.BEHIND);
			assertThat(status.pendingVersions()).containsExactly("3");
			assertThat(status.knownCount()).isEqualTo(4);
		}

		@Test
		void skippedDefaultResolversLeaveOnlyTheConfiguredJavaMigrations() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			write("V2__index_bread.sql", INDEX_BREAD);
			configure().load().migrate();
			assertAgreesWithFlyway(configure().skipDefaultResolvers(true).load(), SchemaState.AHEAD);
			Flyway withJava = configure().skipDefaultResolvers(true).javaMigrations(new V3__Add_rye()).load();
			assertAgreesWithFlyway(withJava, SchemaState.DRIFTED);
		}

		@Test
		void olderMigrationIsPendingWithOutOfOrder() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			write("V3__seed_bread.sql", SEED_BREAD);
			configure().load().migrate();
			write("V2__index_bread.sql", INDEX_BREAD);
			Flyway flyway = configure().outOfOrder(true).load();
			SchemaStatus status = assertAgreesWithFlyway(flyway, SchemaState.BEHIND);
			assertThat(status.pendingVersions()).containsExactly("2");
			assertThat(stateOf(flyway, "2")).isEqualTo(MigrationState.PENDING);
			flyway.migrate();
			assertThat(stateOf(flyway, "2")).isEqualTo(MigrationState.OUT_OF_ORDER);
			assertAgreesWithFlyway(flyway, SchemaState.READY);
		}

		@Test
		void targetCurrentLeavesNewerMigrationsAboveTheTarget() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			write("V2__index_bread.sql", INDEX_BREAD);
			configure().load().migrate();
			write("V3__seed_bread.sql", SEED_BREAD);
			Flyway flyway = configure().target("current").load();
			assertAgreesWithFlyway(flyway, SchemaState.READY);
			assertThat(stateOf(flyway, "3")).isEqualTo(MigrationState.ABOVE_TARGET);
		}

		@Test
		void targetNextExpectsOnlyTheNextMigration() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			configure().load().migrate();
			write("V2__index_bread.sql", INDEX_BREAD);
			write("V3__seed_bread.sql", SEED_BREAD);
			Flyway flyway = configure().target("next").load();
			SchemaStatus status = assertAgreesWithFlyway(flyway, SchemaState.BEHIND);
			assertThat(status.pendingVersions()).containsExactly("2");
			assertThat(stateOf(flyway, "3")).isEqualTo(MigrationState.ABOVE_TARGET);
		}

		@Test
		void targetNoMigrationHasFailsEveryCheckAsFlywayFails() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			Flyway flyway = configure().target("7").load();
			assertThatExceptionOfType(FlywayException.class).as("Flyway's info()")
				.isThrownBy(() -> flyway.info().all());
			assertThatExceptionOfType(FlywayException.class).as("Flyway's validate()").isThrownBy(flyway::validate);
			// checked on every read, not at startup: the history may hold the target
			SchemaStatus status = SchemaVerifier.of(flyway.getConfiguration(), TIMEOUT).check();
			assertThat(status.state()).isEqualTo(SchemaState.UNREACHABLE);
			assertThat(status.error()).contains("'spring.flyway.target' is 7").contains("end the target with '?'");
			assertAgreesWithFlyway(configure().target("7?").load(), SchemaState.BEHIND);
		}

		@Test
		void reservedPlaceholderIsRefusedAsFlywayFails() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			assertRefusedWhereFlywayFails(configure().placeholders(Map.of("flyway:table", "bread")),
					"spring.flyway.placeholders.flyway:table", "Rename the placeholder");
		}

		@Test
		void badMigrationNameIsRefusedAsFlywayFailsWithValidateMigrationNaming() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			write("V2-index_bread.sql", INDEX_BREAD);
			assertAgreesWithFlyway(configure().load(), SchemaState.BEHIND);
			assertRefusedWhereFlywayFails(configure().validateMigrationNaming(true),
					"spring.flyway.validate-migration-naming", "Rename or remove the files");
		}

		@Test
		void missingLocationIsRefusedAsFlywayFailsWithFailOnMissingLocations() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			// beside the folder, not in it: Flyway drops a location inside another
			String missing = "filesystem:" + this.folder + "-missing";
			assertAgreesWithFlyway(configure().locations(location(), missing).load(), SchemaState.BEHIND);
			assertRefusedWhereFlywayFails(configure().locations(location(), missing).failOnMissingLocations(true),
					missing, "spring.flyway.locations");
		}

		@Test
		void twoCallbackScriptsOfOneNameAreRefusedAsFlywayFails() throws IOException {
			Path first = Files.createDirectories(this.folder.resolve("first"));
			Path second = Files.createDirectories(this.folder.resolve("second"));
			Files.writeString(first.resolve("V1__create_bread.sql"), CREATE_BREAD);
			Files.writeString(first.resolve("afterMigrate.sql"), "SELECT 1;\n");
			Files.writeString(second.resolve("afterMigrate.sql"), "SELECT 2;\n");
			assertRefusedWhereFlywayFails(configure().locations("filesystem:" + first, "filesystem:" + second),
					"afterMigrate.sql", "Keep one");
		}

		@Test
		void scriptsAreDecodedWithTheConfiguredEncoding() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD.getBytes(StandardCharsets.UTF_8));
			write("V2__seed_bread.sql",
					"INSERT INTO bread (id, name) VALUES (1, 'brioché');\n".getBytes(StandardCharsets.ISO_8859_1));
			configure().encoding(StandardCharsets.ISO_8859_1).load().migrate();
			assertAgreesWithFlyway(configure().encoding(StandardCharsets.ISO_8859_1).load(), SchemaState.READY);
			assertRefusedWhereFlywayFails(configure(), "V2__seed_bread.sql", "spring.flyway.encoding");
		}

		@Test
		void encodingIsDetectedAsFlywayDetectsIt() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD.getBytes(StandardCharsets.UTF_16));
			write("V2__seed_bread.sql",
					"INSERT INTO bread (id, name) VALUES (1, 'brioché');\n".getBytes(StandardCharsets.ISO_8859_1));
			configure().detectEncoding(true).load().migrate();
			assertAgreesWithFlyway(configure().detectEncoding(true).load(), SchemaState.READY);
			// both scripts need detection; with one left, the refusal names it
			Files.delete(this.folder.resolve("V2__seed_bread.sql"));
			assertRefusedWhereFlywayFails(configure(), "V1__create_bread.sql", "spring.flyway.detect-encoding");
		}

		@Test
		void baselineScriptsAreFoundByTheConfiguredBaselinePrefix() throws IOException {
			write("V1__create_bread.sql", CREATE_BREAD);
			write("V2__index_bread.sql", INDEX_BREAD);
			write("BL2__bread.sql", CREATE_BREAD + INDEX_BREAD);
			write("B1__not_a_baseline_here.sql", "not SQL at all");
			write("V3__seed_bread.sql", SEED_BREAD);
			Function<FluentConfiguration, FluentConfiguration> prefix = (configuration) -> configuration
				.configuration(Map.of("flyway.baselineMigrationPrefix", "BL"));
			Flyway flyway = prefix.apply(configure()).load();
			assertThat(flyway.getConfiguration()
				.getConfigurationExtension(BaselineMigrationConfigurationExtension.class)
				.getBaselineMigrationPrefix()).isEqualTo("BL");
			SchemaStatus status = assertAgreesWithFlyway(flyway, SchemaState.BEHIND);
			assertThat(status.pendingVersions()).containsExactlyInAnyOrder("2", "3");
			flyway.migrate();
			assertAgreesWithFlyway(flyway, SchemaState.READY);
			write("V4__index_name.sql", "CREATE INDEX bread_id ON bread (id);\n");
			assertAgreesWithFlyway(prefix.apply(configure()).load(), SchemaState.BEHIND);
		}

		private FluentConfiguration configure() {
			return FlywaySettingsInventoryTests.this.configure(this.folder);
		}

		private String location() {
			return "filesystem:" + this.folder;
		}

		private void write(String name, String sql) throws IOException {
			write(name, sql.getBytes(StandardCharsets.UTF_8));
		}

		private void write(String name, byte[] content) throws IOException {
			Files.write(this.folder.resolve(name), content);
		}

	}

	private FluentConfiguration configure(Path folder) {
		return Flyway.configure().dataSource(this.url, "sa", "").locations("filesystem:" + folder);
	}

	/**
	 * The verifier's state is Flyway's verdict, and so are the migrations it finds
	 * pending.
	 */
	private static SchemaStatus assertAgreesWithFlyway(Flyway flyway, SchemaState expected) {
		SchemaStatus status = SchemaVerifier.of(flyway.getConfiguration(), TIMEOUT).check();
		assertThat(FlywayVerdict.of(flyway)).as("Flyway's own verdict").isEqualTo(expected);
		assertThat(status.state()).as("verifier").isEqualTo(expected);
		List<String> pending = Arrays.stream(flyway.info().all())
			.filter((info) -> PENDING.contains(info.getState()))
			.map((info) -> MigrationLabel.of(info.getVersion(), info.getDescription()))
			.toList();
		assertThat(status.pendingVersions()).as("pending").containsExactlyInAnyOrderElementsOf(pending);
		return status;
	}

	private static void assertRefusedWhereFlywayFails(FluentConfiguration configuration, String subject,
			String advice) {
		Flyway flyway = configuration.load();
		assertThatExceptionOfType(FlywayException.class).as("Flyway's info()").isThrownBy(() -> flyway.info().all());
		assertThatExceptionOfType(FlywayException.class).as("Flyway's validate()").isThrownBy(flyway::validate);
		assertRefused(flyway.getConfiguration(), subject, advice);
	}

	private static MigrationState stateOf(Flyway flyway, String version) {
		return Arrays.stream(flyway.info().all())
			.filter((info) -> info.getVersion() != null && info.getVersion().getVersion().equals(version))
			.map(MigrationInfo::getState)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * How verify deals with a setting.
	 */
	enum Kind {

		/** Verify follows it as Flyway does. */
		HONOURED,

		/** Verify stops at startup, naming it. */
		REFUSED,

		/** It does not change what {@code info()} and {@code validate()} report. */
		IRRELEVANT,

		/** It changes what they report, and verify neither follows nor refuses it. */
		TODO

	}

	/**
	 * A setting's handling, with where it is honoured or why it may be ignored.
	 *
	 * @param kind how verify deals with it
	 * @param note where or why
	 */
	record Handling(Kind kind, String note) {

		@Override
		public String toString() {
			return this.kind + ": " + this.note;
		}

	}

	private static Handling honoured(String where) {
		return new Handling(Kind.HONOURED, where);
	}

	private static Handling refused(String where) {
		return new Handling(Kind.REFUSED, where);
	}

	private static Handling irrelevant(String why) {
		return new Handling(Kind.IRRELEVANT, why);
	}

	private static Handling todo(String evidence) {
		return new Handling(Kind.TODO, evidence);
	}

	/**
	 * A setting verify refuses, configured.
	 *
	 * @param getter the getter of the setting
	 * @param subject the name the refusal gives it
	 * @param advice part of the action the refusal proposes
	 * @param configure the configuration with the setting
	 */
	record Refusal(String getter, String subject, String advice,
			Function<FluentConfiguration, Configuration> configure) {

		@Override
		public String toString() {
			return this.getter + " (" + this.subject + ")";
		}

	}

	/**
	 * A callback that supports every event, as Flyway's {@code BaseCallback} does.
	 */
	static final class LogsEveryEvent extends BaseCallback {

		@Override
		public void handle(Event event, org.flywaydb.core.api.callback.Context context) {
		}

	}

	/**
	 * A callback that needs Flyway's context to say which events it supports.
	 */
	static final class AsksTheContext extends BaseCallback {

		@Override
		public boolean supports(Event event, org.flywaydb.core.api.callback.Context context) {
			return context.getConfiguration().getTable().equals("audit") && event == Event.AFTER_MIGRATE;
		}

		@Override
		public void handle(Event event, org.flywaydb.core.api.callback.Context context) {
		}

	}

	/**
	 * A callback that fails Flyway's {@code validate()}.
	 */
	static final class FailsBeforeValidate extends BaseCallback {

		@Override
		public boolean supports(Event event, org.flywaydb.core.api.callback.Context context) {
			return event == Event.BEFORE_VALIDATE;
		}

		@Override
		public void handle(Event event, org.flywaydb.core.api.callback.Context context) {
			throw new IllegalStateException("not today");
		}

	}

	/**
	 * A callback that would fail Flyway's {@code migrate()} only.
	 */
	static final class FailsAfterMigrate extends BaseCallback {

		@Override
		public boolean supports(Event event, org.flywaydb.core.api.callback.Context context) {
			return event == Event.AFTER_MIGRATE;
		}

		@Override
		public void handle(Event event, org.flywaydb.core.api.callback.Context context) {
			throw new IllegalStateException("not today");
		}

	}

	/**
	 * A custom resolver, or an extension's, that finds nothing.
	 */
	static final class NoMigrations implements MigrationResolver {

		@Override
		public Collection<ResolvedMigration> resolveMigrations(MigrationResolver.Context context) {
			return List.of();
		}

	}

	/**
	 * An extension's kind of resource, with no prefixes.
	 */
	static final class NoResourceTypes implements ResourceTypeProvider {

		@Override
		public List<Pair<String, ResourceType>> getPrefixTypePairs(Configuration configuration) {
			return List.of();
		}

	}

	/**
	 * A resource provider as in a native image, that finds nothing.
	 */
	static final class NoResources implements ResourceProvider {

		@Override
		public LoadableResource getResource(String name) {
			return null;
		}

		@Override
		public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
			return List.of();
		}

	}

	/**
	 * A Java migration given to Flyway, as Spring Boot gives it its {@code JavaMigration}
	 * beans.
	 */
	static final class V3__Add_rye extends BaseJavaMigration {

		@Override
		public void migrate(Context context) {
			throw new UnsupportedOperationException("never applied in these tests");
		}

	}

}
