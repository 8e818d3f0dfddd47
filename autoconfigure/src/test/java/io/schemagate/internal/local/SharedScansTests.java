package io.schemagate.internal.local;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.configuration.models.EnvironmentModel;
import org.flywaydb.core.internal.configuration.models.FlywayEnvironmentModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.schemagate.verify.NotVerifiableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SharedScans}: targets alike but for their schema read their scripts
 * once; a setting the scanner reads that differs, or a script that uses the schema, makes
 * a scan of its own.
 */
class SharedScansTests {

	@TempDir
	Path temp;

	@Test
	void targetsAlikeButForTheirSchemaShareOneScan() throws IOException {
		Path scripts = scripts("CREATE VIEW v AS SELECT 1;");
		SharedScans scans = new SharedScans();
		SharedScans.Scan first = scans.scan(configuration(scripts, "tenant_1", (flyway) -> {
		}));
		SharedScans.Scan second = scans.scan(configuration(scripts, "tenant_2", (flyway) -> {
		}));
		assertThat(second).isSameAs(first);
		assertThat(first.migrations()).hasSize(2);
		assertThat(first.dependsOnSchema()).isFalse();
	}

	@Test
	void aRepeatableThatUsesTheSchemaIsScannedForEachTarget() throws IOException {
		Path scripts = scripts("CREATE VIEW ${flyway:defaultSchema}.v AS SELECT 1;");
		SharedScans scans = new SharedScans();
		SharedScans.Scan first = scans.scan(configuration(scripts, "tenant_1", (flyway) -> {
		}));
		Configuration tenant2 = configuration(scripts, "tenant_2", (flyway) -> {
		});
		SharedScans.Scan second = scans.scan(tenant2);
		assertThat(first.dependsOnSchema()).isTrue();
		assertThat(second).isNotSameAs(first);
		assertThat(second.migrations()).isEqualTo(SharedScans.Scan.of(tenant2).migrations())
			.isNotEqualTo(first.migrations());
	}

	@Test
	void aSettingTheScannerReadsThatDiffersMakesAScanOfItsOwn() throws IOException {
		Path scripts = scripts("CREATE VIEW v AS SELECT ${kind};");
		SharedScans scans = new SharedScans();
		SharedScans.Scan rye = scans
			.scan(configuration(scripts, "tenant_1", (flyway) -> flyway.placeholders(Map.of("kind", "'rye'"))));
		SharedScans.Scan spelt = scans
			.scan(configuration(scripts, "tenant_2", (flyway) -> flyway.placeholders(Map.of("kind", "'spelt'"))));
		assertThat(spelt.migrations()).isNotEqualTo(rye.migrations());
		SharedScans.Scan withoutRepeatables = scans.scan(configuration(scripts, "tenant_3",
				(flyway) -> flyway.placeholders(Map.of("kind", "'rye'")).repeatableSqlMigrationPrefix("X")));
		assertThat(withoutRepeatables.migrations()).hasSize(1);
	}

	@Test
	void aFailureIsEachTargetsOwn() throws IOException {
		Path scripts = scripts("CREATE VIEW v AS SELECT ${missing};");
		SharedScans scans = new SharedScans();
		for (String schema : new String[] { "tenant_1", "tenant_2" }) {
			assertThatExceptionOfType(NotVerifiableException.class)
				.isThrownBy(() -> scans.scan(configuration(scripts, schema, (flyway) -> {
				})))
				.withMessageContaining("missing");
		}
	}

	@Test
	void theKeyHoldsEverySettingTheScannerReads() throws IOException {
		Path scripts = this.temp.resolve("every");
		Files.createDirectories(scripts.resolve(".hidden"));
		Files.writeString(scripts.resolve("V1__bakery.sql"), "CREATE TABLE bakery (id INT);");
		Files.writeString(scripts.resolve("V1__bakery.sql.conf"), "encoding=UTF-8");
		Files.writeString(scripts.resolve("R__view.sql"), "CREATE VIEW v AS SELECT '${flyway:table}';");
		Files.writeString(scripts.resolve("B1__baseline.sql"), "CREATE TABLE bakery (id INT);");
		Files.writeString(scripts.resolve("afterMigrate.sql"), "SELECT 1;");
		Files.writeString(scripts.resolve("notes.txt"), "not a migration");
		Configuration configuration = configuration(scripts, "tenant_1", (flyway) -> {
		});
		Set<String> readByScanner = new TreeSet<>();
		LocalMigrationScanner scanner = new LocalMigrationScanner(recording(configuration, readByScanner));
		scanner.scan();
		scanner.jobMigrations().scripts().forEach((script) -> script.text().get());
		Set<String> readByKey = new TreeSet<>();
		SharedScans.Key.of(recording(configuration, readByKey));
		assertThat(readByKey).containsAll(readByScanner);
	}

	@Test
	void locationsAsWrittenDecideTheKeyAsFlywayParsesThem() {
		List<String[]> written = List.of(new String[] { "db/migration" }, new String[] { "classpath:db/migration" },
				new String[] { "classpath:db/migration", "classpath:db/more" },
				new String[] { "classpath:db/more", "classpath:db/migration" }, new String[] { "filesystem:/srv/sql" },
				new String[] { "filesystem:/srv/sql" });
		List<Configuration> configurations = written.stream()
			.map((locations) -> (Configuration) Flyway.configure().locations(locations).load().getConfiguration())
			.toList();
		for (Configuration first : configurations) {
			SharedScans.Locations key = SharedScans.Locations.of(first);
			assertThat(key.written()).as("read without Flyway parsing them").isTrue();
			for (Configuration second : configurations) {
				if (key.equals(SharedScans.Locations.of(second))) {
					assertThat(SharedScans.Key.descriptors(second.getLocations()))
						.isEqualTo(SharedScans.Key.descriptors(first.getLocations()));
				}
			}
		}
		assertThat(SharedScans.Locations.of(configurations.get(5)))
			.isEqualTo(SharedScans.Locations.of(configurations.get(4)));
	}

	@Test
	void locationsOfTheCurrentEnvironmentTakePart() {
		ClassicConfiguration plain = (ClassicConfiguration) Flyway.configure()
			.locations("classpath:db/migration")
			.load()
			.getConfiguration();
		ClassicConfiguration overridden = (ClassicConfiguration) Flyway.configure()
			.locations("classpath:db/migration")
			.load()
			.getConfiguration();
		FlywayEnvironmentModel flyway = new FlywayEnvironmentModel();
		flyway.setLocations(List.of("classpath:db/tenants"));
		EnvironmentModel environment = new EnvironmentModel();
		environment.setFlyway(flyway);
		overridden.getModernConfig().getEnvironments().put(overridden.getCurrentEnvironmentName(), environment);
		assertThat(SharedScans.Key.descriptors(overridden.getLocations())).containsExactly("classpath:db/tenants");
		assertThat(SharedScans.Locations.of(overridden)).isNotEqualTo(SharedScans.Locations.of(plain));
	}

	private static Configuration recording(Configuration configuration, Set<String> read) {
		return (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
				new Class<?>[] { Configuration.class }, (proxy, method, arguments) -> {
					read.add(method.getName());
					return method.invoke(configuration, arguments);
				});
	}

	private Path scripts(String repeatable) throws IOException {
		Path scripts = Files.createTempDirectory(this.temp, "scripts");
		Files.writeString(scripts.resolve("V1__bakery.sql"), "CREATE TABLE bakery (id INT);");
		Files.writeString(scripts.resolve("R__view.sql"), repeatable);
		return scripts;
	}

	private static Configuration configuration(Path scripts, String schema, Consumer<FluentConfiguration> more) {
		FluentConfiguration flyway = Flyway.configure()
			.dataSource("jdbc:h2:mem:unused", "sa", "")
			.schemas(schema)
			.locations("filesystem:" + scripts);
		more.accept(flyway);
		return flyway;
	}

}
