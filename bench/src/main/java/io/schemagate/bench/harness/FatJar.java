package io.schemagate.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The service jar with a set of migrations inside it, in
 * {@code BOOT-INF/classes/db/migration} ({@code classpath:db/migration}), as services
 * ship them. The libraries stay stored, as Spring Boot's nested jar support needs them.
 */
final class FatJar {

	/** Where the scripts are, as the application names the location. */
	static final String LOCATION = "classpath:db/migration";

	private static final String FOLDER = "BOOT-INF/classes/db/migration/";

	private FatJar() {
	}

	/**
	 * Copy the jar with the set's scripts added.
	 * @param jar the service jar
	 * @param set the migrations
	 * @param out where to write the copy
	 * @return the copy
	 */
	static Path withMigrations(Path jar, MigrationSet set, Path out) {
		try (ZipFile source = new ZipFile(jar.toFile());
				ZipOutputStream target = new ZipOutputStream(Files.newOutputStream(out))) {
			Enumeration<? extends ZipEntry> entries = source.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				ZipEntry copy = new ZipEntry(entry.getName());
				copy.setTime(entry.getTime());
				if (entry.getMethod() == ZipEntry.STORED) {
					copy.setMethod(ZipEntry.STORED);
					copy.setSize(entry.getSize());
					copy.setCompressedSize(entry.getSize());
					copy.setCrc(entry.getCrc());
				}
				target.putNextEntry(copy);
				try (InputStream in = source.getInputStream(entry)) {
					in.transferTo(target);
				}
				target.closeEntry();
			}
			target.putNextEntry(new ZipEntry("BOOT-INF/classes/db/"));
			target.closeEntry();
			target.putNextEntry(new ZipEntry(FOLDER));
			target.closeEntry();
			for (Path script : scripts(set)) {
				target.putNextEntry(new ZipEntry(FOLDER + script.getFileName()));
				Files.copy(script, (OutputStream) target);
				target.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static List<Path> scripts(MigrationSet set) throws IOException {
		try (Stream<Path> files = Files.list(set.directory())) {
			return files.sorted().toList();
		}
	}

}
