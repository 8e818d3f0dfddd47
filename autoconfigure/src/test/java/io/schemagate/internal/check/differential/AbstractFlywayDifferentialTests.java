package io.schemagate.internal.check.differential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.flyway.autoconfigure.FlywayProperties;

import io.schemagate.autoconfigure.LeanConfigurations;
import io.schemagate.internal.check.FlywayVerdict;
import io.schemagate.internal.check.FlywayVerdict.Verdict;
import io.schemagate.internal.check.SchemaVerifier;
import io.schemagate.internal.history.UnreadableHistoryException;
import io.schemagate.internal.migrate.JobPendingVersions;
import io.schemagate.verify.NotVerifiableException;
import io.schemagate.verify.SchemaState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifier against Flyway's own verdict, on generated cases: every history shape
 * ({@link HistoryShapes}) with every setting ({@link SettingVariants}), each on a
 * database of its own. Each case's settings are made into a Flyway configuration as
 * verify's lean path makes them ({@code BootFlywaySettings}), and Flyway's engine is
 * built from it as Spring Boot's {@code Flyway} bean is; the verifier runs on both the
 * lean configuration and the engine's. That the lean path makes, for every setting, the
 * configuration Spring Boot's own bean has is {@code LeanVerifyPathTests}' part. Its
 * state must be Flyway's, read by the contract's mapping ({@code FlywayVerdict}); where
 * Flyway's {@code info()} or {@code validate()} fail, the verifier must refuse the
 * configuration or report the history unreadable. Where Flyway's {@code info()} works,
 * the versions the migrate job lints as pending must be those of its {@code pending()}.
 */
abstract class AbstractFlywayDifferentialTests {

	/** Flyway fails, so the verifier refuses or cannot read the history. */
	private static final String FAILS = "FAILS";

	@TempDir
	Path temp;

	/**
	 * A database for one case, isolated from the others.
	 * @param id the case's number
	 * @return the database
	 */
	protected abstract CaseDatabase database(int id);

	/**
	 * The database's name in the summary.
	 * @return the name
	 */
	protected abstract String name();

	@Test
	void verifierAgreesWithFlywayOnEveryCase() throws Exception {
		List<Case> cases = new ArrayList<>();
		for (Map.Entry<String, Consumer<Scenario>> shape : HistoryShapes.all().entrySet()) {
			for (Map.Entry<String, Consumer<FlywayProperties>> settings : SettingVariants.all().entrySet()) {
				cases.add(new Case(cases.size(), shape.getKey(), shape.getValue(), settings.getKey(),
						settings.getValue()));
			}
		}
		long started = System.nanoTime();
		// two cases at a time: each waits on the database about as much as it computes
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<String>> outcomes = new ArrayList<>();
		try {
			for (Case each : cases) {
				outcomes.add(pool.submit(() -> run(each)));
			}
			List<String> disagreements = new ArrayList<>();
			for (Future<String> outcome : outcomes) {
				String disagreement = outcome.get();
				if (disagreement != null) {
					disagreements.add(disagreement);
				}
			}
			System.out.printf(
					"[differential] %s: %d cases (%d history shapes x %d settings), %d disagreements, " + "%d ms%n",
					name(), cases.size(), HistoryShapes.all().size(), SettingVariants.all().size(),
					disagreements.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
			assertThat(disagreements).as("cases where the verifier and Flyway disagree").isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String run(Case each) throws Exception {
		CaseDatabase database = database(each.id());
		try {
			Path folder = Files.createDirectories(this.temp.resolve("case-" + each.id()));
			Scenario scenario = new Scenario(folder, database);
			each.shape().accept(scenario);
			FlywayProperties properties = scenario.properties();
			each.settings().accept(properties);
			Flyway flyway = LeanConfigurations.of(properties, database.dataSource()).load();
			Verdict verdict = flyway(flyway);
			String expected = (verdict != null) ? verdict.state().name() : FAILS;
			String onEngine = verifier(flyway.getConfiguration());
			String onLean = verifier(LeanConfigurations.forVerify(properties, database.dataSource()));
			if (!expected.equals(onEngine) || !expected.equals(onLean)) {
				return each.describe() + ": verifier " + onEngine + " (engine's configuration), " + onLean
						+ " (lean path's), Flyway " + expected;
			}
			// where Flyway fails, its migrate fails too, whatever the lint read
			String pending = (verdict != null) ? verdict.pendingVersions().toString() : null;
			String pendingByJob = pendingByJob(flyway);
			return (pending == null || pending.equals(pendingByJob)) ? null : each.describe()
					+ ": pending for the job's lint " + pendingByJob + ", Flyway's info().pending() " + pending;
		}
		catch (RuntimeException ex) {
			return each.describe() + ": the case itself failed: " + ex;
		}
		finally {
			database.cleanup().run();
		}
	}

	private static @Nullable Verdict flyway(Flyway flyway) {
		try {
			return FlywayVerdict.read(flyway);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The versions the migrate job lints, from the history before the run.
	 */
	private static String pendingByJob(Flyway flyway) throws SQLException {
		try {
			return JobPendingVersions.of(flyway).toString();
		}
		catch (UnreadableHistoryException | RuntimeException ex) {
			return FAILS + " (" + ex + ")";
		}
	}

	private static String verifier(Configuration configuration) {
		try {
			SchemaState state = SchemaVerifier.of(configuration, Duration.ofSeconds(10)).check().state();
			return (state == SchemaState.UNREACHABLE) ? FAILS : state.name();
		}
		catch (NotVerifiableException ex) {
			return FAILS;
		}
	}

	private record Case(int id, String shapeName, Consumer<Scenario> shape, String settingsName,
			Consumer<FlywayProperties> settings) {

		String describe() {
			return "#" + this.id + " [" + this.shapeName + "] with [" + this.settingsName + "]";
		}

	}

}
