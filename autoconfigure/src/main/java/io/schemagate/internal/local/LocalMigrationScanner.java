package io.schemagate.internal.local;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

import io.schemagate.internal.local.ScriptName.Kind;
import io.schemagate.verify.NotVerifiableException;

/**
 * Finds the migrations an application knows, as Flyway resolves them, without building
 * Flyway's engine: SQL and baseline scripts in Flyway's locations, with their
 * {@code .conf} files, encodings and placeholders; Java migration classes in classpath
 * locations and the Java migrations given to Flyway. Where Flyway would fail (a bad name
 * with {@code validate-migration-naming}, two different migrations of one version, a
 * script it cannot decode) verify refuses too, naming the script.
 */
public class LocalMigrationScanner {

	private static final Set<String> SCRIPT_EXTENSIONS = Set.of("cmd", "bat", "ps1", "py", "sh", "bash");

	private final Configuration configuration;

	private final LocationScanner locations;

	private final ScriptName.Prefixes prefixes;

	private final ScriptPlaceholders placeholders;

	private final Charset encoding;

	private List<CallbackScript> callbacks = List.of();

	/**
	 * Create a scanner for a Flyway configuration.
	 * @param configuration the configuration whose locations, naming and placeholders
	 * apply
	 */
	public LocalMigrationScanner(Configuration configuration) {
		this.configuration = configuration;
		this.locations = new LocationScanner(configuration);
		this.prefixes = new ScriptName.Prefixes(configuration);
		this.placeholders = new ScriptPlaceholders(configuration);
		this.encoding = configuration.getEncoding();
	}

	/**
	 * Find every local migration.
	 * @return the migrations, in no particular order
	 * @throws NotVerifiableException where Flyway would fail to resolve the migrations
	 */
	public List<LocalMigration> scan() {
		List<ScannedFile> files = files(this.configuration.getLocations());
		Map<String, ScannedFile> byRelativePath = byRelativePath(files);
		Set<LocalMigration> migrations = new LinkedHashSet<>();
		List<String> invalidNames = new ArrayList<>();
		JavaMigrations java = new JavaMigrations(this.configuration);
		boolean defaultResolvers = !this.configuration.isSkipDefaultResolvers();
		List<Supplier<@Nullable LocalMigration>> found = new ArrayList<>();
		for (ScannedFile file : files) {
			String suffix = this.prefixes.suffixOf(file.filename());
			if (suffix != null) {
				ScriptName name = this.prefixes.parse(file.filename(), suffix);
				if (name.kind() == Kind.INVALID) {
					invalidNames.add(file.filename() + " (" + name.problem() + ")");
				}
				else if (defaultResolvers && name.kind() != Kind.CALLBACK) {
					found.add(() -> script(file, name, byRelativePath));
				}
			}
			else if (defaultResolvers && file.path().endsWith(".class")) {
				LocalMigration migration = !file.fileSystemLocation() ? java.of(file) : null;
				found.add(() -> migration);
			}
			else if (defaultResolvers) {
				refuseScriptMigration(file);
			}
		}
		for (LocalMigration migration : ScriptReads.inOrder(found)) {
			if (migration != null) {
				migrations.add(migration);
			}
		}
		refuseInvalidNames(invalidNames);
		Location[] callbackLocations = this.configuration.getCallbackLocations();
		this.callbacks = callbacks((callbackLocations.length > 0) ? files(callbackLocations) : files);
		migrations.addAll(java.configured());
		List<LocalMigration> list = new ArrayList<>(migrations);
		checkUnique(list);
		return list;
	}

	/**
	 * The callback scripts the last {@link #scan()} found where Flyway looks for them:
	 * the callback locations, else the migration locations.
	 * @return the callback scripts
	 */
	public List<CallbackScript> callbackScripts() {
		return this.callbacks;
	}

	/**
	 * Whether what the last {@link #scan()} found depends on the configuration's schema:
	 * a script or {@code .conf} file used {@code flyway:defaultSchema}.
	 * @return whether the scan depends on the schema
	 */
	public boolean dependsOnSchema() {
		return this.placeholders.usedSchema();
	}

	/**
	 * Find what the migrate job reads before and after migrating: the versioned and
	 * baseline SQL scripts, their text read only when asked for, and the Java migrations
	 * Flyway resolves beside them. Nothing when Flyway skips its default resolvers.
	 * @return the scripts and the Java migrations
	 */
	public JobMigrations jobMigrations() {
		JavaMigrations javaMigrations = new JavaMigrations(this.configuration);
		if (this.configuration.isSkipDefaultResolvers()) {
			return new JobMigrations(List.of(), SingletonSupplier.of(javaMigrations::configured));
		}
		List<VersionedScript> scripts = new ArrayList<>();
		List<ScannedFile> classes = new ArrayList<>();
		for (ScannedFile file : files(this.configuration.getLocations())) {
			String suffix = this.prefixes.suffixOf(file.filename());
			ScriptName name = (suffix != null) ? this.prefixes.parse(file.filename(), suffix) : null;
			if (name != null && (name.kind() == Kind.VERSIONED || name.kind() == Kind.BASELINE)) {
				scripts.add(new VersionedScript(Objects.requireNonNull(name.version()), name.description(),
						name.kind() == Kind.BASELINE, file.filename(), SingletonSupplier
							.of(() -> ScriptText.read(file.resource(), file.filename(), this.encoding, false))));
			}
			else if (suffix == null && file.path().endsWith(".class") && !file.fileSystemLocation()) {
				classes.add(file);
			}
		}
		return new JobMigrations(scripts, SingletonSupplier.of(() -> {
			List<LocalMigration> java = new ArrayList<>();
			for (ScannedFile file : classes) {
				LocalMigration migration = javaMigrations.of(file);
				if (migration != null) {
					java.add(migration);
				}
			}
			java.addAll(javaMigrations.configured());
			return java;
		}));
	}

	/**
	 * What the migrate job reads of the local migrations.
	 *
	 * @param scripts the versioned and baseline SQL scripts, in no particular order
	 * @param java the Java migrations, loaded and made only when asked for: only the lint
	 * needs them
	 */
	public record JobMigrations(List<VersionedScript> scripts, Supplier<List<LocalMigration>> java) {

	}

	/**
	 * The callback scripts among files: SQL scripts by the configured suffixes, other
	 * scripts by their extension, as Flyway tells them apart.
	 */
	private List<CallbackScript> callbacks(List<ScannedFile> files) {
		List<CallbackScript> found = new ArrayList<>();
		for (ScannedFile file : files) {
			String sqlSuffix = this.prefixes.suffixOf(file.filename());
			String suffix = (sqlSuffix != null) ? sqlSuffix : scriptSuffix(file.filename());
			ScriptName name = (suffix != null) ? this.prefixes.parse(file.filename(), suffix) : null;
			if (name != null && name.kind() == Kind.CALLBACK) {
				String withoutSuffix = file.filename().substring(0, file.filename().length() - suffix.length());
				found.add(new CallbackScript(file.filename(), Event.fromId(name.prefix()), sqlSuffix != null,
						withoutSuffix));
			}
		}
		return List.copyOf(found);
	}

	private List<ScannedFile> files(Location[] locations) {
		List<ScannedFile> files = new ArrayList<>();
		for (Location location : locations) {
			files.addAll(this.locations.scan(location));
		}
		return files;
	}

	/**
	 * The files by relative path, in any case, as Flyway looks up a script's
	 * {@code .conf} file across all locations.
	 */
	private static Map<String, ScannedFile> byRelativePath(List<ScannedFile> files) {
		Map<String, ScannedFile> byPath = new LinkedHashMap<>();
		for (ScannedFile file : files) {
			byPath.putIfAbsent(file.relativePath().toLowerCase(Locale.ROOT), file);
		}
		return byPath;
	}

	private LocalMigration script(ScannedFile file, ScriptName name, Map<String, ScannedFile> byRelativePath) {
		ScriptConfig config = config(file, byRelativePath);
		boolean detect = file.fileSystemLocation() && config.encoding() == null
				&& this.configuration.isDetectEncoding();
		Charset charset = (file.fileSystemLocation() && config.encoding() != null) ? Charset.forName(config.encoding())
				: this.encoding;
		String text = ScriptText.read(file.resource(), file.filename(), charset, detect);
		int raw = ScriptChecksum.of(text);
		String type = (name.kind() == Kind.BASELINE) ? "SQL_BASELINE" : "SQL";
		boolean replace = (config.placeholderReplacement() != null) ? config.placeholderReplacement()
				: this.configuration.isPlaceholderReplacement();
		if (name.kind() != Kind.REPEATABLE || !replace) {
			return new LocalMigration(name.version(), name.description(), type, file.relativePath(), raw,
					(name.kind() == Kind.REPEATABLE) ? raw : null);
		}
		String replaced = this.placeholders.replace(text, file.filename(), filenamePlaceholder(file.filename(), name));
		return new LocalMigration(null, name.description(), type, file.relativePath(), ScriptChecksum.of(replaced),
				raw);
	}

	/**
	 * {@code flyway:filename}: the file name, but without the separator when the
	 * description is empty ({@code R__.sql} is {@code R.sql}), as Flyway rebuilds it.
	 */
	private String filenamePlaceholder(String filename, ScriptName name) {
		String separator = this.configuration.getSqlMigrationSeparator();
		String description = filename.substring(name.prefix().length());
		return (description.startsWith(separator) && name.description().isEmpty())
				? name.prefix() + description.substring(separator.length()) : filename;
	}

	private ScriptConfig config(ScannedFile script, Map<String, ScannedFile> byRelativePath) {
		ScannedFile conf = byRelativePath.get((script.relativePath() + ".conf").toLowerCase(Locale.ROOT));
		if (conf == null) {
			return ScriptConfig.NONE;
		}
		String text = ScriptText.read(conf.resource(), conf.filename(), this.encoding, false);
		String replaced = this.placeholders.replace(text, conf.filename(), conf.filename());
		return ScriptConfig.parse(conf.filename(), replaced, System.getenv());
	}

	/**
	 * Flyway runs files named as migrations with a script extension, or none, as script
	 * migrations: something verify cannot check.
	 */
	private void refuseScriptMigration(ScannedFile file) {
		String suffix = scriptSuffix(file.filename());
		Kind kind = (suffix != null) ? this.prefixes.parse(file.filename(), suffix).kind() : Kind.INVALID;
		if (kind == Kind.VERSIONED || kind == Kind.REPEATABLE || kind == Kind.BASELINE) {
			throw new NotVerifiableException(file.filename(),
					"Flyway runs it as a script migration (SCRIPT), which verify does not check",
					"Write the migration in SQL or Java, or move the file out of Flyway's locations.");
		}
	}

	/**
	 * The suffix of a script Flyway runs in a shell: a script extension in any case, or
	 * none at all except on Windows.
	 * @return the suffix, empty for none, or {@code null} for a file that is no such
	 * script
	 */
	private static @Nullable String scriptSuffix(String filename) {
		int dot = filename.lastIndexOf('.');
		if (dot < 0) {
			return isWindows() ? null : "";
		}
		String extension = filename.substring(dot + 1).toLowerCase(Locale.ROOT);
		return SCRIPT_EXTENSIONS.contains(extension) ? filename.substring(dot) : null;
	}

	private static boolean isWindows() {
		// as Flyway tells
		return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
	}

	private void refuseInvalidNames(List<String> invalidNames) {
		if (this.configuration.isValidateMigrationNaming() && !invalidNames.isEmpty()) {
			throw new NotVerifiableException("spring.flyway.validate-migration-naming",
					"Flyway fails on these file names: " + String.join(", ", invalidNames),
					"Rename or remove the files, or unset 'spring.flyway.validate-migration-naming' to have them "
							+ "ignored.");
		}
	}

	/**
	 * Two different migrations of one version, or of one repeatable description, make
	 * Flyway fail; identical ones (the same script in two classpath entries) are one. A
	 * baseline migration may share its version with a versioned one.
	 */
	private static void checkUnique(List<LocalMigration> migrations) {
		Map<Identity, LocalMigration> seen = new LinkedHashMap<>();
		for (LocalMigration migration : migrations) {
			Identity key = new Identity(migration.version(), migration.isVersioned() ? "" : migration.description(),
					migration.isBaseline());
			LocalMigration other = seen.putIfAbsent(key, migration);
			if (other != null) {
				String what = migration.isVersioned() ? "version " + migration.version()
						: "repeatable description '" + migration.description() + "'";
				throw new NotVerifiableException(migration.script(), "Flyway finds more than one migration with " + what
						+ ": '" + other.script() + "' and '" + migration.script() + "'", "Keep one of them.");
			}
		}
	}

	private record Identity(@Nullable MigrationVersion version, String description, boolean baseline) {

	}

}
