package io.schemagate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.schemagate.health.SchemaHealthIndicator;
import io.schemagate.metrics.SchemaMetrics;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.verify.LocalMigration;
import io.schemagate.verify.SchemaHistoryReader;
import io.schemagate.verify.SchemaMonitor;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStateCalculator;
import io.schemagate.verify.SchemaVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user documentation matches the code: every property, state, exit code, meter and
 * health detail the code has is documented, and the documentation names nothing the code
 * does not have.
 */
class DocumentationTests {

	private static final Path DOCS = Path.of("..", "docs");

	private static final Pattern DB_PROPERTY = Pattern.compile("`(db\\.[a-z.-]+)`");

	private static final Pattern METER = Pattern.compile("`(db\\.schema\\.[a-z]+)`");

	@Test
	void everyPropertyIsDocumentedWithItsDefault() throws IOException {
		String configuration = read("configuration.md");
		for (Map<String, Object> property : metadataProperties()) {
			String row = tableRow(configuration, "`" + property.get("name") + "`");
			assertThat(row).as("row of %s in configuration.md", property.get("name"))
				.contains("`" + property.get("defaultValue").toString().toLowerCase() + "`");
		}
	}

	@Test
	void documentedPropertiesExist() throws IOException {
		Set<String> known = metadataProperties().stream()
			.map((property) -> (String) property.get("name"))
			.collect(Collectors.toSet());
		Set<String> documented = allMatches(DB_PROPERTY);
		documented.removeIf((name) -> name.startsWith("db.schema."));
		assertThat(documented).isSubsetOf(known);
	}

	@Test
	void everyStateIsDocumentedAndNoOther() throws IOException {
		Set<String> documented = matches(read("operations.md"), Pattern.compile("^### `([A-Z]+)`$", Pattern.MULTILINE));
		assertThat(documented).containsExactlyInAnyOrderElementsOf(names(SchemaState.values()));
		String readme = Files.readString(Path.of("..", "README.md"));
		for (SchemaState state : SchemaState.values()) {
			assertThat(tableRow(readme, "| `" + state + "` |")).isNotEmpty();
		}
	}

	@Test
	void everyExitCodeIsDocumentedAndNoOther() throws IOException {
		Set<String> codes = Arrays.stream(MigrateExitCode.values())
			.map((code) -> String.valueOf(code.code()))
			.collect(Collectors.toSet());
		for (String page : List.of("operations.md", "kubernetes.md")) {
			Set<String> documented = matches(section(read(page), "Exit codes"),
					Pattern.compile("^\\| `(\\d+)` \\|", Pattern.MULTILINE));
			assertThat(documented).as(page).isEqualTo(codes);
		}
	}

	@Test
	void everyMeterIsDocumentedAndNoOther() throws IOException {
		Set<String> meters = Set.of(SchemaMetrics.VERIFY, SchemaMetrics.MIGRATE, SchemaMetrics.PENDING,
				SchemaMetrics.READY);
		Set<String> documented = matches(section(read("operations.md"), "Metrics"), METER);
		assertThat(documented).isEqualTo(meters);
		assertThat(allMatches(METER)).isSubsetOf(meters);
	}

	@Test
	void everyHealthDetailIsDocumentedAndNoOther() throws IOException {
		String health = section(read("operations.md"), "Health");
		String details = health.substring(health.indexOf("| detail | meaning |"));
		details = details.substring(0, details.indexOf("\n\n"));
		Set<String> documented = matches(details, Pattern.compile("^\\| `([a-zA-Z]+)` \\|", Pattern.MULTILINE));
		assertThat(documented).isEqualTo(healthDetails());
	}

	private static Set<String> healthDetails() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:documentation;DB_CLOSE_DELAY=-1;USER=sa");
		LocalMigration migration = new LocalMigration(MigrationVersion.fromVersion("1"), "one", "SQL", "V1__one.sql", 1,
				null);
		SchemaVerifier verifier = new SchemaVerifier(dataSource, new SchemaHistoryReader(null, "history"),
				new SchemaStateCalculator(List.of(migration), new ValidatePattern[0], null), Duration.ofSeconds(5),
				java.time.Clock.systemUTC(), "[test]");
		SchemaMonitor monitor = new SchemaMonitor(verifier, true, Duration.ofSeconds(1), Duration.ZERO, (s) -> {
		});
		SchemaHealthIndicator indicator = new SchemaHealthIndicator(() -> monitor, () -> "verify");
		Set<String> details = new TreeSet<>();
		monitor.check();
		details.addAll(indicator.health().getDetails().keySet());
		new org.springframework.jdbc.core.JdbcTemplate(dataSource)
			.execute("CREATE TABLE \"history\" (\"installed_rank\" INT, \"version\" VARCHAR(50), "
					+ "\"description\" VARCHAR(200), \"type\" VARCHAR(20), \"script\" VARCHAR(1000), "
					+ "\"checksum\" INT, \"success\" BOOLEAN)");
		new org.springframework.jdbc.core.JdbcTemplate(dataSource)
			.execute("INSERT INTO \"history\" VALUES (1, '1', 'one', 'SQL', 'V1__one.sql', 1, TRUE)");
		monitor.check();
		details.addAll(indicator.health().getDetails().keySet());
		return details;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> metadataProperties() throws IOException {
		try (InputStream metadata = DocumentationTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			List<Map<String, Object>> properties = JsonPath.parse(metadata).read("$.properties[*]");
			return properties.stream().filter((property) -> ((String) property.get("name")).startsWith("db.")).toList();
		}
	}

	private static Set<String> allMatches(Pattern pattern) throws IOException {
		Set<String> found = new HashSet<>(matches(Files.readString(Path.of("..", "README.md")), pattern));
		try (Stream<Path> pages = Files.list(DOCS)) {
			for (Path page : pages.filter((path) -> path.toString().endsWith(".md")).toList()) {
				found.addAll(matches(Files.readString(page), pattern));
			}
		}
		return found;
	}

	private static Set<String> matches(String text, Pattern pattern) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return found;
	}

	private static String read(String page) throws IOException {
		return Files.readString(DOCS.resolve(page));
	}

	private static String tableRow(String text, String start) {
		return text.lines()
			.filter((line) -> line.startsWith(start) || line.startsWith("| " + start))
			.findFirst()
			.orElse("");
	}

	private static String section(String text, String heading) {
		int start = text.indexOf("## " + heading);
		assertThat(start).as("section '%s'", heading).isNotNegative();
		int end = text.indexOf("\n## ", start + 3);
		return text.substring(start, (end > 0) ? end : text.length());
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}

}
