package io.schemagate.internal.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

import io.schemagate.migrate.MigrationFailedException;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.migrate.MigrationStoppedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MigrationJob}: the exit code is the outcome's, whatever a listener does, and a
 * job asked to stop ends the process without waiting for it.
 */
class MigrationJobTests {

	private final List<Integer> exits = new ArrayList<>();

	private final List<Integer> halts = new ArrayList<>();

	private final List<MigrationOutcome> outcomes = new ArrayList<>();

	@Test
	void successExitsZero() {
		job((outcome) -> this.outcomes.add(outcome), new StopSignal()).run(flyway("classpath:db/migration"), true);
		assertThat(this.exits).containsExactly(0);
		assertThat(this.outcomes).singleElement().satisfies((outcome) -> assertThat(outcome.applied()).isEqualTo(3));
	}

	@Test
	void listenerThatThrowsAfterSuccessLeavesTheExitCodeZero() {
		job((outcome) -> {
			throw new IllegalStateException("listener broken");
		}, new StopSignal()).run(flyway("classpath:db/migration"), true);
		assertThat(this.exits).containsExactly(0);
		assertThat(this.halts).isEmpty();
	}

	@Test
	void listenerThatThrowsAfterFailureLeavesTheFailuresExitCode() {
		job((outcome) -> {
			throw new IllegalStateException("listener broken");
		}, new StopSignal()).run(flyway("classpath:db/broken"), true);
		assertThat(this.exits).containsExactly(2);
	}

	@Test
	void jobAskedToStopBeforeMigratingAppliesNothingAndHaltsWithOne() {
		StopSignal stop = new StopSignal();
		stop.request();
		Flyway flyway = flyway("classpath:db/migration");
		job(this.outcomes::add, stop).run(flyway, true);
		assertThat(this.exits).isEmpty();
		assertThat(this.halts).containsExactly(1);
		assertThat(this.outcomes).singleElement()
			.satisfies((outcome) -> assertThat(outcome.failure()).isInstanceOf(MigrationStoppedException.class));
		assertThat(flyway.info().applied()).isEmpty();
	}

	@Test
	void jobAskedToStopDuringAMigrationFinishesItAndStartsNoFurtherOne() {
		StopSignal stop = new StopSignal();
		Flyway flyway = Flyway.configure()
			.configuration(flyway("classpath:db/migration").getConfiguration())
			.callbacks(new RequestStopDuringFirstMigration(stop))
			.load();
		job(this.outcomes::add, stop).run(flyway, true);
		assertThat(this.halts).containsExactly(1);
		assertThat(flyway.info().applied()).extracting((info) -> info.getVersion().getVersion()).containsExactly("1");
		assertThat(flyway.info().applied()).allSatisfy((info) -> assertThat(info.getState().isFailed()).isFalse());
		assertThat(this.outcomes).singleElement()
			.extracting(MigrationOutcome::failure)
			.satisfies((failure) -> assertThat(rootCause(failure)).isInstanceOf(MigrationStoppedException.class)
				.hasMessageContaining("after applying 1 migration(s)"));
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

	/**
	 * SIGTERM as it comes while the first migration runs.
	 */
	private record RequestStopDuringFirstMigration(StopSignal stop) implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_EACH_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			this.stop.request();
		}

		@Override
		public String getCallbackName() {
			return "sigterm";
		}

	}

	@Test
	void jobThatGoesOnServingFailsStartupWithTheOutcome() {
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> job(this.outcomes::add, new StopSignal()).run(flyway("classpath:db/broken"), false))
			.satisfies((ex) -> assertThat(ex.getOutcome().exitCode().code()).isEqualTo(2));
		assertThat(this.exits).isEmpty();
	}

	private MigrationJob job(io.schemagate.migrate.MigrationListener listener, StopSignal stop) {
		return new MigrationJob(new SchemaMigrator(), this.exits::add, listener, () -> {
		}, () -> stop, this.halts::add);
	}

	private static Flyway flyway(String location) {
		return Flyway.configure()
			.dataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
			.locations(location)
			.load();
	}

}
