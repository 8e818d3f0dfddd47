package io.schemagate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Newer versions of the sample's image, as the next build would package them: a copy of a
 * jar with one more migration in {@code BOOT-INF/classes/db/migration/}.
 * <p>
 * The JDK's zip file system copies the existing entries as they are, so the nested jars
 * under {@code BOOT-INF/lib/} stay stored (uncompressed), as Spring Boot's launcher
 * requires; the new script may be compressed, as every class in the jar is.
 */
final class SampleJars {

	private static final String MIGRATIONS = "BOOT-INF/classes/db/migration/";

	private SampleJars() {
	}

	/**
	 * Copy a jar and add a migration to the copy.
	 * @param jar the jar of the previous version
	 * @param newJar where to write the new version
	 * @param script the migration's file name, e.g. {@code V6__add_product_category.sql}
	 * @param sql the migration
	 * @return the new jar
	 */
	static Path withMigration(Path jar, Path newJar, String script, String sql) {
		return withMigrations(jar, newJar, Map.of(script, sql));
	}

	/**
	 * Copy a jar and add or replace migrations in the copy.
	 * @param jar the jar of the previous version
	 * @param newJar where to write the new version
	 * @param scripts the migrations by file name; an existing one is replaced, as a
	 * changed repeatable migration is
	 * @return the new jar
	 */
	static Path withMigrations(Path jar, Path newJar, Map<String, String> scripts) {
		try {
			Files.copy(jar, newJar);
			try (FileSystem zip = FileSystems.newFileSystem(newJar)) {
				for (Map.Entry<String, String> script : scripts.entrySet()) {
					Files.writeString(zip.getPath(MIGRATIONS + script.getKey()), script.getValue());
				}
			}
			return newJar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read a migration of a jar.
	 * @param jar the jar
	 * @param script the migration's file name
	 * @return its text
	 */
	static String migration(Path jar, String script) {
		try (FileSystem zip = FileSystems.newFileSystem(jar)) {
			return Files.readString(zip.getPath(MIGRATIONS + script));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
