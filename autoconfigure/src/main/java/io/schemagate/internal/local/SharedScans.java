package io.schemagate.internal.local;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.internal.configuration.models.ConfigurationModel;
import org.flywaydb.core.internal.configuration.models.EnvironmentModel;
import org.flywaydb.core.internal.configuration.models.FlywayEnvironmentModel;
import org.flywaydb.core.internal.configuration.models.FlywayModel;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.history.ParsedVersions;
import io.schemagate.internal.history.SchemaHistoryReader;

/**
 * The local migrations of targets that are alike, found once: a schema per tenant has
 * many targets with the same locations and settings, and each would read and checksum
 * every script again. Targets share a scan when every setting the scanner reads is the
 * same, the schema excepted; a scan that used {@code flyway:defaultSchema} is not shared,
 * as its checksums depend on the schema. Made for one round of building verifiers, not
 * kept: files may change between rounds.
 */
public final class SharedScans {

	private final Map<Key, CompletableFuture<Scan>> scans = new ConcurrentHashMap<>();

	/**
	 * Find the local migrations of a configuration, or take those a configuration alike
	 * found.
	 * @param configuration the configuration
	 * @return what the scan found
	 * @throws io.schemagate.verify.NotVerifiableException where Flyway would fail to
	 * resolve the migrations
	 */
	public Scan scan(Configuration configuration) {
		CompletableFuture<Scan> mine = new CompletableFuture<>();
		Key key = Key.of(configuration);
		CompletableFuture<Scan> first = this.scans.putIfAbsent(key, mine);
		if (first == null) {
			try {
				Scan scan = Scan.of(configuration);
				mine.complete(scan);
				return scan;
			}
			catch (RuntimeException ex) {
				// a failure is each target's own to report
				mine.completeExceptionally(ex);
				throw ex;
			}
		}
		try {
			Scan shared = first.join();
			return shared.dependsOnSchema() ? Scan.of(configuration) : shared;
		}
		catch (CompletionException ex) {
			return Scan.of(configuration);
		}
	}

	/**
	 * What a scan of the local migrations found.
	 *
	 * @param migrations the migrations, in no particular order
	 * @param callbackScripts the callback scripts where Flyway looks for them
	 * @param dependsOnSchema whether a script used {@code flyway:defaultSchema}
	 * @param locations where the migrations were looked for, for messages
	 * @param versions the migrations' versions, parsed, for the targets' history readers
	 * to share
	 */
	public record Scan(List<LocalMigration> migrations, List<CallbackScript> callbackScripts, boolean dependsOnSchema,
			List<String> locations, ParsedVersions versions) {

		/**
		 * Scan a configuration's locations.
		 * @param configuration the configuration
		 * @return what the scan found
		 */
		public static Scan of(Configuration configuration) {
			LocalMigrationScanner scanner = new LocalMigrationScanner(configuration);
			List<LocalMigration> migrations = scanner.scan();
			return new Scan(List.copyOf(migrations), scanner.callbackScripts(), scanner.dependsOnSchema(),
					Key.descriptors(configuration.getLocations()), new ParsedVersions(
							migrations.stream().map(LocalMigration::version).filter(Objects::nonNull).toList()));
		}

	}

	/**
	 * Every setting the scanner reads but the schema, of which only whether there is one
	 * counts. {@code SharedScansTests} fails when the scanner reads a setting missing
	 * here.
	 */
	record Key(Locations locations, ClassLoader classLoader, Charset encoding, boolean detectEncoding,
			boolean placeholderReplacement, Map<String, String> placeholders, String placeholderPrefix,
			String placeholderSuffix, String placeholderSeparator, @Nullable String workingDirectory,
			@Nullable String environment, boolean hasSchema, String table, String sqlMigrationPrefix,
			String repeatableSqlMigrationPrefix, String sqlMigrationSeparator, List<String> sqlMigrationSuffixes,
			@Nullable String baselineMigrationPrefix, boolean skipDefaultResolvers, boolean validateMigrationNaming,
			boolean failOnMissingLocations, List<JavaMigration> javaMigrations) {

		static Key of(Configuration configuration) {
			Locations locations = Locations.of(configuration);
			return new Key(locations, configuration.getClassLoader(), configuration.getEncoding(),
					configuration.isDetectEncoding(), configuration.isPlaceholderReplacement(),
					new HashMap<>(configuration.getPlaceholders()), configuration.getPlaceholderPrefix(),
					configuration.getPlaceholderSuffix(), configuration.getPlaceholderSeparator(),
					configuration.getWorkingDirectory(), configuration.getCurrentEnvironmentName(),
					SchemaHistoryReader.historySchema(configuration) != null, configuration.getTable(),
					configuration.getSqlMigrationPrefix(), configuration.getRepeatableSqlMigrationPrefix(),
					configuration.getSqlMigrationSeparator(), List.of(configuration.getSqlMigrationSuffixes()),
					ScriptName.Prefixes.baselinePrefix(configuration), configuration.isSkipDefaultResolvers(),
					configuration.isValidateMigrationNaming(), configuration.isFailOnMissingLocations(),
					List.of(configuration.getJavaMigrations()));
		}

		static List<String> descriptors(Location[] locations) {
			return Arrays.stream(locations).map(Location::getDescriptor).toList();
		}

	}

	/**
	 * Where the scanner looks: the locations and callback locations as written, or as
	 * Flyway parsed them. Flyway parses them again at every call, loading its plugins
	 * each time, which costs more than the rest of a verifier that shares a scan; the
	 * strings of its configuration model decide them as well.
	 *
	 * @param written whether these are the strings as written rather than parsed
	 * @param locations the locations
	 * @param callbackLocations the callback locations
	 */
	record Locations(boolean written, List<@Nullable List<String>> locations,
			List<@Nullable List<String>> callbackLocations) {

		static Locations of(Configuration configuration) {
			Locations written = (configuration instanceof ClassicConfiguration classic) ? written(classic) : null;
			return (written != null) ? written
					: new Locations(false, List.of(Key.descriptors(configuration.getLocations())),
							List.of(Key.descriptors(configuration.getCallbackLocations())));
		}

		/**
		 * The strings Flyway parses: its model's, and the current environment's that take
		 * their place when set. {@code null} where this Flyway keeps them elsewhere.
		 */
		private static @Nullable Locations written(ClassicConfiguration configuration) {
			try {
				ConfigurationModel model = configuration.getModernConfig();
				EnvironmentModel environment = model.getEnvironments().get(configuration.getCurrentEnvironmentName());
				FlywayEnvironmentModel overrides = (environment != null) ? environment.getFlyway() : null;
				FlywayModel flyway = model.getFlyway();
				return new Locations(true,
						Arrays.asList(copy(flyway.getLocations()),
								(overrides != null) ? copy(overrides.getLocations()) : null),
						Arrays.asList(copy(flyway.getCallbackLocations()),
								(overrides != null) ? copy(overrides.getCallbackLocations()) : null));
			}
			catch (LinkageError | RuntimeException ex) {
				return null;
			}
		}

		private static @Nullable List<String> copy(@Nullable List<String> strings) {
			return (strings != null) ? List.copyOf(strings) : null;
		}

	}

}
