package io.schemagate.internal.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of migration scripts a test writes, edits and deletes, used as a Flyway
 * {@code filesystem:} location.
 */
final class MigrationFiles {

	private final Path folder;

	MigrationFiles(Path folder) {
		this.folder = folder;
	}

	MigrationFiles write(String filename, String sql) {
		try {
			Files.writeString(this.folder.resolve(filename), sql, StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MigrationFiles delete(String filename) {
		try {
			Files.delete(this.folder.resolve(filename));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MigrationFiles rename(String from, String to) {
		try {
			Files.move(this.folder.resolve(from), this.folder.resolve(to));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Copy every script to another folder, as the next release starts from this one's.
	 * @param folder the new folder
	 * @return the copy
	 */
	MigrationFiles copyTo(Path folder) {
		try (java.util.stream.Stream<Path> scripts = Files.list(this.folder)) {
			for (Path script : scripts.toList()) {
				Files.copy(script, folder.resolve(script.getFileName()));
			}
			return new MigrationFiles(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String location() {
		return "filesystem:" + this.folder.toAbsolutePath();
	}

}
