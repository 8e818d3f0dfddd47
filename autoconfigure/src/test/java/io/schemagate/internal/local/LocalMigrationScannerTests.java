package io.schemagate.internal.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.loader.net.protocol.Handlers;
import org.springframework.boot.loader.net.protocol.jar.JarUrl;

import io.schemagate.internal.MigrationLabel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LocalMigrationScanner}: the same migrations are found in a folder on
 * disk, walked directly, and in an archive, searched with Spring's resolver, and they are
 * the ones Flyway resolves.
 */
class LocalMigrationScannerTests {

	private static final Map<String, String> SCRIPTS = Map.of("db/scanned/V1__bakery.sql",
			"CREATE TABLE bakery (id INT);\r\n", "db/scanned/deeper/V2__bread.sql", "CREATE TABLE bread (id INT);\n",
			"db/scanned/R__bread_view.sql", "CREATE VIEW bread_view AS SELECT id FROM bread;", "db/scanned/notes.txt",
			"not a migration", "db/other/V9__elsewhere.sql", "SELECT 1;");

	private static final String JAVA_MIGRATION = "db/scannedjava/V3__Add_rye.class";

	@TempDir
	Path temp;

	@Test
	void findsInAFolderWhatFlywayResolves() throws IOException {
		try (URLClassLoader classLoader = classLoader(folder("folder"))) {
			assertThat(scan(classLoader, "classpath:db/scanned")).isEqualTo(flyway(classLoader, "classpath:db/scanned"))
				.hasSize(3);
		}
	}

	@Test
	void findsInAnArchiveWhatFlywayResolves() throws IOException {
		try (URLClassLoader classLoader = classLoader(archive("migrations.jar"))) {
			assertThat(scan(classLoader, "classpath:db/scanned")).isEqualTo(flyway(classLoader, "classpath:db/scanned"))
				.hasSize(3);
			assertThat(scripts(classLoader, "classpath:db/scanned"))
				.isEqualTo(flywayScripts(classLoader, "classpath:db/scanned"));
		}
	}

	@Test
	void findsInASpringBootJarWhatFlywayResolves() throws IOException {
		// the 'nested:' URLs of a Spring Boot jar, as its launcher makes them known
		Handlers.register();
		Path jar = archive("application.jar", "BOOT-INF/classes/");
		assertFindsInArchiveWhatFlywayResolves(JarUrl.create(jar.toFile(), "BOOT-INF/classes/"));
	}

	@Test
	void findsInAWarsClassesWhatFlywayResolves() throws IOException {
		Path war = archive("application.war", "WEB-INF/classes/");
		assertFindsInArchiveWhatFlywayResolves(new URL("jar:" + war.toUri() + "!/WEB-INF/classes/"));
	}

	/**
	 * The migrations and their scripts' paths, as Flyway resolves them, in the classes of
	 * an archive.
	 */
	private void assertFindsInArchiveWhatFlywayResolves(URL classes) throws IOException {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { classes },
				LocalMigrationScannerTests.class.getClassLoader())) {
			assertThat(scan(classLoader, "classpath:db/scanned")).isEqualTo(flyway(classLoader, "classpath:db/scanned"))
				.hasSize(3);
			assertThat(scripts(classLoader, "classpath:db/scanned"))
				.isEqualTo(flywayScripts(classLoader, "classpath:db/scanned"));
		}
	}

	@Test
	void findsAScriptInAFolderAndAnArchiveOnce() throws IOException {
		try (URLClassLoader classLoader = classLoader(folder("folder"), archive("migrations.jar"))) {
			assertThat(scan(classLoader, "classpath:db/scanned")).isEqualTo(flyway(classLoader, "classpath:db/scanned"))
				.hasSize(3);
		}
	}

	@Test
	void findsJavaMigrationClassesInAFolderAsFlywayDoes() throws IOException {
		try (URLClassLoader classLoader = classLoader()) {
			// any name, nested ones too; not abstract ones
			assertThat(scan(classLoader, "classpath:db/scannedjava"))
				.isEqualTo(flyway(classLoader, "classpath:db/scannedjava"))
				.containsExactly("3 Add rye null", "4 seed customers 4004", "5 Nested rolls null");
		}
	}

	@Test
	void findsJavaMigrationClassesInAFolderAndAnArchiveOnceAsFlywayDoes() throws IOException {
		Path archive = this.temp.resolve("classes.jar");
		try (OutputStream out = Files.newOutputStream(archive); JarOutputStream jar = new JarOutputStream(out)) {
			for (String folder : List.of("db/", "db/scannedjava/")) {
				jar.putNextEntry(new JarEntry(folder));
				jar.closeEntry();
			}
			jar.putNextEntry(new JarEntry(JAVA_MIGRATION));
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(JAVA_MIGRATION)) {
				in.transferTo(jar);
			}
			jar.closeEntry();
		}
		// the class is in the test classes too, a folder: the archive makes it a mixed
		// classpath, searched with Spring's resolver, and the class is found once
		try (URLClassLoader classLoader = classLoader(archive)) {
			assertThat(scan(classLoader, "classpath:db/scannedjava"))
				.isEqualTo(flyway(classLoader, "classpath:db/scannedjava"))
				.contains("3 Add rye null")
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void findsInAFileSystemLocationWhatFlywayResolves() throws IOException {
		String location = "filesystem:" + folder("folder").resolve("db/scanned");
		try (URLClassLoader classLoader = classLoader()) {
			assertThat(scan(classLoader, location)).isEqualTo(flyway(classLoader, location)).hasSize(3);
		}
	}

	@Test
	void findsInAWildcardLocationWhatFlywayResolves() throws IOException {
		String location = "filesystem:" + folder("folder") + "/*/scanned";
		try (URLClassLoader classLoader = classLoader()) {
			assertThat(scan(classLoader, location)).isEqualTo(flyway(classLoader, location)).hasSize(3);
		}
	}

	@Test
	void skipsHiddenFoldersButReadsLinksAsFlywayDoes() throws IOException {
		Path root = folder("folder").resolve("db/scanned");
		Files.createDirectories(root.resolve(".archive"));
		Files.writeString(root.resolve(".archive/V8__archived.sql"), "SELECT 8;");
		Path elsewhere = Files.createDirectories(this.temp.resolve("elsewhere"));
		Files.writeString(elsewhere.resolve("V7__linked.sql"), "SELECT 7;");
		Files.createSymbolicLink(root.resolve("V7__linked.sql"), elsewhere.resolve("V7__linked.sql"));
		String location = "filesystem:" + root;
		try (URLClassLoader classLoader = classLoader()) {
			assertThat(scan(classLoader, location)).isEqualTo(flyway(classLoader, location))
				.anySatisfy((migration) -> assertThat(migration).startsWith("7 linked"))
				.noneSatisfy((migration) -> assertThat(migration).startsWith("8 "));
		}
	}

	@Test
	void findsBaselineScriptsAsFlywayDoes() throws IOException {
		Path root = folder("folder").resolve("db/scanned");
		Files.writeString(root.resolve("B2__baseline.sql"), "CREATE TABLE bakery (id INT);");
		String location = "filesystem:" + root;
		try (URLClassLoader classLoader = classLoader()) {
			assertThat(scan(classLoader, location)).isEqualTo(flyway(classLoader, location))
				.contains("2 baseline " + ScriptChecksum.of("CREATE TABLE bakery (id INT);"));
		}
	}

	@Test
	void findsNothingInAFolderThatDoesNotExist() throws IOException {
		try (URLClassLoader classLoader = classLoader()) {
			assertThat(scan(classLoader, "filesystem:" + this.temp.resolve("nowhere"))).isEmpty();
		}
	}

	private List<String> scan(ClassLoader classLoader, String location) {
		Flyway flyway = Flyway.configure(classLoader).locations(location).load();
		return new LocalMigrationScanner(flyway.getConfiguration()).scan()
			.stream()
			.map((migration) -> migration.label() + " " + migration.description() + " " + migration.checksum())
			.sorted()
			.toList();
	}

	/**
	 * The scripts as the history names them: from the location, subfolders included.
	 */
	private List<String> scripts(ClassLoader classLoader, String location) {
		Flyway flyway = Flyway.configure(classLoader).locations(location).load();
		return new LocalMigrationScanner(flyway.getConfiguration()).scan()
			.stream()
			.map(LocalMigration::script)
			.sorted()
			.toList();
	}

	private List<String> flywayScripts(ClassLoader classLoader, String location) {
		Flyway flyway = Flyway.configure(classLoader)
			.locations(location)
			.dataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "")
			.load();
		return Arrays.stream(flyway.info().all()).map(MigrationInfo::getScript).sorted().toList();
	}

	private List<String> flyway(ClassLoader classLoader, String location) {
		Flyway flyway = Flyway.configure(classLoader)
			.locations(location)
			.dataSource("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "")
			.load();
		return Arrays.stream(flyway.info().all())
			.map((info) -> MigrationLabel.of(info.getVersion(), info.getDescription()) + " " + info.getDescription()
					+ " " + info.getChecksum())
			.sorted()
			.toList();
	}

	private Path folder(String name) throws IOException {
		Path folder = this.temp.resolve(name);
		for (Map.Entry<String, String> script : SCRIPTS.entrySet()) {
			Path file = folder.resolve(script.getKey());
			Files.createDirectories(file.getParent());
			Files.writeString(file, script.getValue(), StandardCharsets.UTF_8);
		}
		return folder;
	}

	private Path archive(String name) throws IOException {
		return archive(name, "");
	}

	/**
	 * An archive with the scripts under a folder: {@code BOOT-INF/classes/} for the
	 * classes of a Spring Boot jar.
	 */
	private Path archive(String name, String under) throws IOException {
		Path archive = this.temp.resolve(name);
		try (OutputStream out = Files.newOutputStream(archive); JarOutputStream jar = new JarOutputStream(out)) {
			List<String> folders = new ArrayList<>();
			for (int end = under.indexOf('/'); end >= 0; end = under.indexOf('/', end + 1)) {
				folders.add(under.substring(0, end + 1));
			}
			for (String folder : List.of("db/", "db/scanned/", "db/scanned/deeper/", "db/other/")) {
				folders.add(under + folder);
			}
			for (String folder : folders) {
				jar.putNextEntry(new JarEntry(folder));
				jar.closeEntry();
			}
			for (Map.Entry<String, String> script : SCRIPTS.entrySet()) {
				jar.putNextEntry(new JarEntry(under + script.getKey()));
				jar.write(script.getValue().getBytes(StandardCharsets.UTF_8));
				jar.closeEntry();
			}
		}
		return archive;
	}

	private static URLClassLoader classLoader(Path... entries) throws IOException {
		URL[] urls = new URL[entries.length];
		for (int i = 0; i < entries.length; i++) {
			urls[i] = entries[i].toUri().toURL();
		}
		return new URLClassLoader(urls, LocalMigrationScannerTests.class.getClassLoader());
	}

}
