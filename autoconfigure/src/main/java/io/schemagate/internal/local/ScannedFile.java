package io.schemagate.internal.local;

import java.io.File;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A file found under a Flyway location.
 *
 * @param path the path Flyway matches the location's wildcards against: in a classpath
 * location the resource name ({@code db/migration/V1__x.sql}, which also names a class
 * file's class), in a filesystem location the path on disk
 * @param relativePath the path relative to the location, as Flyway records a script
 * @param resource the file's content
 * @param file the file on disk, when it is one
 * @param fileSystemLocation whether the location is a {@code filesystem:} one, where
 * Flyway honours a script's {@code .conf} encoding and encoding detection
 */
record ScannedFile(String path, String relativePath, Resource resource, @Nullable File file,
		boolean fileSystemLocation) {

	/**
	 * The file's name.
	 * @return the last segment of the path
	 */
	String filename() {
		return this.path.substring(this.path.lastIndexOf('/') + 1);
	}

}
