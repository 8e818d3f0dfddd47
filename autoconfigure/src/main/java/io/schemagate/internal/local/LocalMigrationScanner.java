package io.schemagate.internal.local;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;
import org.springframework.util.FileCopyUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Finds the migrations an application knows, as Flyway would resolve them, without
 * building Flyway's engine: SQL scripts in Flyway's locations, Java migrations given to
 * Flyway, and Java migration classes in classpath locations.
 */
public class LocalMigrationScanner {

	private final Configuration configuration;

	private final MigrationResources resources;

	private final Charset encoding;

	/**
	 * Create a scanner for a Flyway configuration.
	 * @param configuration the configuration whose locations, naming and placeholders
	 * apply
	 */
	public LocalMigrationScanner(Configuration configuration) {
		this.configuration = configuration;
		this.resources = new MigrationResources(configuration.getClassLoader());
		this.encoding = configuration.getEncoding();
	}

	/**
	 * Find every local migration.
	 * @return the migrations, in no particular order
	 * @throws IllegalStateException when a location cannot be read or two migrations
	 * share a version
	 */
	public List<LocalMigration> scan() {
		List<LocalMigration> migrations = new ArrayList<>();
		for (Location location : this.configuration.getLocations()) {
			// one walk of each location finds both scripts and classes
			Map<String, Resource> resources = resources(location);
			scanScripts(resources.values(), migrations);
			if (location.isClassPath()) {
				scanClasses(resources, migrations);
			}
		}
		for (JavaMigration migration : this.configuration.getJavaMigrations()) {
			migrations.add(javaMigration(migration));
		}
		checkUnique(migrations);
		return migrations;
	}

	/**
	 * Find the versioned SQL scripts, to read them before they are applied: their text is
	 * read only when asked for.
	 * @return the scripts, in no particular order
	 * @throws IllegalStateException when a location cannot be read
	 */
	public List<VersionedScript> versionedScripts() {
		List<VersionedScript> scripts = new ArrayList<>();
		for (Location location : this.configuration.getLocations()) {
			forEachScript(resources(location).values(), (resource, filename, name) -> {
				if (name.version() != null) {
					scripts
						.add(new VersionedScript(name.version(), filename, SingletonSupplier.of(() -> read(resource))));
				}
			});
		}
		return scripts;
	}

	private void scanScripts(Collection<Resource> resources, List<LocalMigration> migrations) {
		forEachScript(resources, (resource, filename, name) -> migrations.add(script(resource, filename, name)));
	}

	private void forEachScript(Collection<Resource> resources, ScriptCallback callback) {
		String[] suffixes = this.configuration.getSqlMigrationSuffixes();
		for (Resource resource : resources) {
			String filename = resource.getFilename();
			String suffix = (filename != null) ? suffixOf(filename, suffixes) : null;
			if (suffix != null) {
				MigrationName name = MigrationName.parse(filename, suffix, this.configuration);
				if (name != null) {
					callback.script(resource, filename, name);
				}
			}
		}
	}

	@FunctionalInterface
	private interface ScriptCallback {

		void script(Resource resource, String filename, MigrationName name);

	}

	private LocalMigration script(Resource resource, String filename, MigrationName name) {
		String text = read(resource);
		int checksum = ScriptChecksum.of(text);
		if (name.version() != null || !this.configuration.isPlaceholderReplacement()) {
			return new LocalMigration(name.version(), name.description(), "SQL", filename, checksum, null);
		}
		String replaced = new ScriptPlaceholders(this.configuration, filename).replace(text);
		return new LocalMigration(null, name.description(), "SQL", filename, ScriptChecksum.of(replaced), checksum);
	}

	private void scanClasses(Map<String, Resource> resources, List<LocalMigration> migrations) {
		String prefix = this.configuration.getSqlMigrationPrefix();
		String repeatablePrefix = this.configuration.getRepeatableSqlMigrationPrefix();
		resources.forEach((path, resource) -> {
			String filename = resource.getFilename();
			if (filename == null || !filename.endsWith(".class") || filename.contains("$")
					|| !(filename.startsWith(prefix) || filename.startsWith(repeatablePrefix))) {
				return;
			}
			JavaMigration migration = instantiate(path, resource);
			if (migration != null) {
				migrations.add(javaMigration(migration));
			}
		});
	}

	private @Nullable JavaMigration instantiate(String path, Resource resource) {
		try {
			String className = ClassUtils.convertResourcePathToClassName(path.substring(0, path.length() - 6));
			Class<?> type = ClassUtils.forName(className, this.configuration.getClassLoader());
			if (!JavaMigration.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
				return null;
			}
			return (JavaMigration) type.getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException | LinkageError | RuntimeException ex) {
			throw new IllegalStateException("Unable to load Java migration " + resource.getDescription(), ex);
		}
	}

	private static LocalMigration javaMigration(JavaMigration migration) {
		return new LocalMigration(migration.getVersion(), migration.getDescription(), "JDBC",
				migration.getClass().getName(), migration.getChecksum(), null);
	}

	private Map<String, Resource> resources(Location location) {
		try {
			return this.resources.list(location);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to scan Flyway location '" + location.getDescriptor() + "'", ex);
		}
	}

	private String read(Resource resource) {
		try {
			return new String(FileCopyUtils.copyToByteArray(resource.getInputStream()), this.encoding);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to read migration " + resource.getDescription(), ex);
		}
	}

	private static @Nullable String suffixOf(String filename, String[] suffixes) {
		for (String suffix : suffixes) {
			if (filename.toUpperCase(Locale.ROOT).endsWith(suffix.toUpperCase(Locale.ROOT))) {
				return suffix;
			}
		}
		return null;
	}

	private static void checkUnique(List<LocalMigration> migrations) {
		Map<Object, LocalMigration> seen = new HashMap<>();
		for (LocalMigration migration : migrations) {
			Object key = (migration.version() != null) ? migration.version() : "R:" + migration.description();
			LocalMigration other = seen.put(key, migration);
			if (other != null) {
				throw new IllegalStateException("Found more than one migration with version " + migration.label()
						+ ": '" + other.script() + "' and '" + migration.script() + "'");
			}
		}
	}

}
