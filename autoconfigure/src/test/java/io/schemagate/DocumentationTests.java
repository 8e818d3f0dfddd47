package io.schemagate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;

import io.schemagate.health.SchemaHealthIndicator;
import io.schemagate.internal.migrate.FailureClassifier;
import io.schemagate.metrics.SchemaMetrics;
import io.schemagate.migrate.MigrateExitCode;
import io.schemagate.verify.BreakingMigration;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

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

	/**
	 * The table of failures and exit codes in the Kubernetes guide is the classifier's,
	 * row for row and in its order.
	 */
	@Test
	void failuresToExitCodesAreDocumentedAsTheJobDecides() throws IOException {
		String section = section(read("kubernetes.md"), "Exit codes");
		String table = section.substring(section.indexOf("| failure | exit code |"));
		table = table.substring(0, table.indexOf("\n\n"));
		List<String> documented = table.lines().skip(2).toList();
		List<String> expected = new ArrayList<>();
		FailureClassifier.rules().forEach((rule) -> expected.add(row(rule.failure(), rule.exitCode())));
		expected.add(row(FailureClassifier.RECORDED_FAILED, MigrateExitCode.NEEDS_ATTENTION));
		expected.add(row(FailureClassifier.OTHERWISE, MigrateExitCode.NEEDS_ATTENTION));
		assertThat(documented).containsExactlyElementsOf(expected);
	}

	private static String row(String failure, MigrateExitCode exitCode) {
		return "| " + failure + " | `" + exitCode.code() + "` |";
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

	/**
	 * Every detail the indicator can show: from a status in which every optional one is
	 * set, and from one before the first check.
	 */
	private static Set<String> healthDetails() {
		SchemaStatus everything = new SchemaStatus(null, SchemaState.INCOMPATIBLE, false, "5", "3", 3, 5,
				List.of("R:view"), List.of("4"), List.of(), 2, new BreakingMigration("5", "4"), List.of(), "error",
				Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Duration.ZERO, List.of());
		Set<String> details = new TreeSet<>(indicatorShowing(everything).health().getDetails().keySet());
		details.addAll(indicatorShowing(null).health().getDetails().keySet());
		SchemaStatus severalTargets = SchemaStatus.ofTargets(
				List.of(everything.withTarget("orders"), everything.withTarget("audit")), Instant.EPOCH, Duration.ZERO);
		details.addAll(indicatorShowing(severalTargets).health().getDetails().keySet());
		return details;
	}

	/**
	 * The examples of several targets in the docs are the code of the test applications
	 * that run them.
	 */
	@Test
	void severalTargetsExamplesAreTheTestedApplications() throws IOException {
		String page = read("several-databases.md");
		for (String example : List.of("TwoDatabasesApplication:two-databases",
				"TenantSchemasApplication:tenant-schemas")) {
			String[] parts = example.split(":");
			String source = Files.readString(Path.of("src/test/java/io/schemagate/examples/" + parts[0] + ".java"));
			String tagged = source.substring(source.indexOf("// tag::" + parts[1] + "[]\n"),
					source.indexOf("\t// end::" + parts[1] + "[]"));
			String code = tagged.lines()
				.skip(1)
				.map((line) -> line.startsWith("\t") ? line.substring(1) : line)
				.collect(Collectors.joining("\n"));
			assertThat(page).as(parts[0]).contains("```java\n" + code + "\n```");
		}
	}

	private static SchemaHealthIndicator indicatorShowing(SchemaStatus status) {
		return new SchemaHealthIndicator(() -> status, () -> "verify");
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> metadataProperties() throws IOException {
		// the module's own, not the first on the class path: the test classes have theirs
		try (InputStream metadata = Files
			.newInputStream(Path.of("target/classes/META-INF/spring-configuration-metadata.json"))) {
			List<Map<String, Object>> properties = JsonPath.parse(metadata).read("$.properties[*]");
			List<Map<String, Object>> schemagate = properties.stream()
				.filter((property) -> ((String) property.get("name")).startsWith("db."))
				.toList();
			assertThat(schemagate).as("Schemagate's properties in the metadata").isNotEmpty();
			return schemagate;
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
