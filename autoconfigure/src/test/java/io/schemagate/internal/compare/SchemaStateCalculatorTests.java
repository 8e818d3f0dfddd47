package io.schemagate.internal.compare;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.junit.jupiter.api.Test;

import io.schemagate.internal.history.AppliedMigration;
import io.schemagate.internal.local.LocalMigration;
import io.schemagate.verify.BreakingMigration;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemaStateCalculator}.
 */
class SchemaStateCalculatorTests {

	private static final ValidatePattern[] NO_PATTERNS = {};

	private final List<LocalMigration> local = new ArrayList<>(
			List.of(versioned("1", "create", 11), versioned("2", "index", 22), versioned("3", "seed", 33)));

	private final List<AppliedMigration> history = new ArrayList<>();

	@Test
	void readyWhenEveryMigrationIsApplied() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThat(status.appliedVersion()).isEqualTo("3");
		assertThat(status.expectedVersion()).isEqualTo("3");
		assertThat(status.appliedCount()).isEqualTo(3);
		assertThat(status.pendingVersions()).isEmpty();
	}

	@Test
	void behindWhenHistoryIsMissing() throws Exception {
		SchemaStatus status = status(calculator(NO_PATTERNS).withoutHistory());
		assertThat(status.state()).isEqualTo(SchemaState.BEHIND);
		assertThat(status.pendingVersions()).containsExactly("1", "2", "3");
		assertThat(status.appliedVersion()).isNull();
	}

	@Test
	void behindWhenMigrationsArePending() throws Exception {
		apply("1", "create", 11);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.BEHIND);
		assertThat(status.pendingVersions()).containsExactly("2", "3");
		assertThat(status.appliedVersion()).isEqualTo("1");
	}

	@Test
	void behindWhenAnOlderMigrationWasAddedOutOfOrder() throws Exception {
		apply("1", "create", 11).apply("3", "seed", 33);
		assertThat(calculate().pendingVersions()).containsExactly("2");
	}

	@Test
	void behindWhenRepeatableChanged() throws Exception {
		this.local.add(repeatable("view", 100, 100));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply(null, "view", 99);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.BEHIND);
		assertThat(status.pendingVersions()).containsExactly("R:view");
	}

	@Test
	void readyWhenRepeatableMatchesItsLatestRun() throws Exception {
		this.local.add(repeatable("view", 100, 100));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply(null, "view", 99);
		apply(null, "view", 100);
		assertThat(calculate().state()).isEqualTo(SchemaState.READY);
	}

	@Test
	void repeatableMatchesItsChecksumWithoutPlaceholders() throws Exception {
		this.local.add(repeatable("view", 100, 55));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply(null, "view", 55);
		assertThat(calculate().state()).isEqualTo(SchemaState.READY);
	}

	@Test
	void behindWhenRepeatableNeverRan() throws Exception {
		this.local.add(repeatable("view", 100, 100));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33);
		assertThat(calculate().pendingVersions()).containsExactly("R:view");
	}

	@Test
	void aheadWhenDatabaseHasNewerMigrations() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply("4", "newer", 44);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.AHEAD);
		assertThat(status.aheadBy()).isEqualTo(1);
		assertThat(status.appliedVersion()).isEqualTo("4");
		assertThat(status.ready()).isTrue();
		assertThat(
				calculator(NO_PATTERNS).calculate(this.history).toStatus(false, Instant.EPOCH, Duration.ZERO).ready())
			.as("ready when newer schemas are refused")
			.isFalse();
	}

	@Test
	void aheadWhenANewerVersionsMigrationFailed() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33);
		this.history.add(
				new AppliedMigration(4, MigrationVersion.fromVersion("4"), "newer", "SQL", "V4__newer.sql", 44, false));
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.AHEAD);
		assertThat(status.ready()).isTrue();
		assertThat(status.failedVersions()).containsExactly("4");
		assertThat(status.problems()).anySatisfy((problem) -> assertThat(problem).contains("newer version failed"));
	}

	@Test
	void failedWhenAnOlderUnknownMigrationFailed() throws Exception {
		this.local.remove(1);
		apply("1", "create", 11);
		this.history.add(
				new AppliedMigration(2, MigrationVersion.fromVersion("2"), "index", "SQL", "V2__index.sql", 22, false));
		apply("3", "seed", 33);
		assertThat(calculate().state()).isEqualTo(SchemaState.FAILED);
	}

	@Test
	void aheadWhenANewerVersionAddedARepeatable() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply(null, "newer view", 77);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.AHEAD);
		assertThat(status.aheadBy()).isOne();
	}

	@Test
	void driftedWhenAnUnknownRepeatableRanBeforeMigrationsThisVersionKnows() throws Exception {
		apply("1", "create", 11).apply(null, "old view", 77).apply("2", "index", 22).apply("3", "seed", 33);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.DRIFTED);
		assertThat(status.driftedVersions()).containsExactly("R:old view");
	}

	@Test
	void aheadWhenANewerVersionChangedARepeatableThisVersionRan() throws Exception {
		this.local.add(repeatable("view", 100, 100));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply(null, "view", 100);
		apply(null, "view", 200);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.AHEAD);
		assertThat(status.pendingVersions()).isEmpty();
		assertThat(status.problems()).anySatisfy((problem) -> assertThat(problem).contains("changed by a newer"));
	}

	@Test
	void behindWhenThisVersionsRepeatableNeverRanEvenIfAnotherDid() throws Exception {
		this.local.add(repeatable("view", 100, 100));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply(null, "view", 50);
		apply(null, "view", 200);
		assertThat(calculate().pendingVersions()).containsExactly("R:view");
	}

	@Test
	void incompatibleWhenANewerMigrationDeclaredItBreaksThisVersion() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply("5", "drop", 55);
		SchemaFindings findings = calculator(NO_PATTERNS).calculate(this.history);
		assertThat(findings.state()).isEqualTo(SchemaState.AHEAD);
		findings.declarations(List.of(new BreakingMigration("4", "4"), new BreakingMigration("5", "5")),
				MigrationVersion.fromVersion("3"));
		SchemaStatus status = status(findings);
		assertThat(status.state()).isEqualTo(SchemaState.INCOMPATIBLE);
		assertThat(status.ready()).isFalse();
		assertThat(status.breakingMigration()).isEqualTo(new BreakingMigration("5", "5"));
	}

	@Test
	void aheadWhenEveryDeclarationAllowsThisVersion() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply("5", "drop", 55);
		SchemaFindings findings = calculator(NO_PATTERNS).calculate(this.history);
		findings.declarations(List.of(new BreakingMigration("5", "3"), new BreakingMigration("4", "2")),
				MigrationVersion.fromVersion("3"));
		SchemaStatus status = status(findings);
		assertThat(status.state()).isEqualTo(SchemaState.AHEAD);
		assertThat(status.breakingMigration()).isNull();
	}

	@Test
	void failedWhenHistoryHasFailedMigration() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22);
		this.history
			.add(new AppliedMigration(3, MigrationVersion.fromVersion("3"), "seed", "SQL", "V3__seed.sql", 33, false));
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.FAILED);
		assertThat(status.failedVersions()).containsExactly("3");
		assertThat(status.pendingVersions()).isEmpty();
	}

	@Test
	void failedWinsOverDrifted() throws Exception {
		apply("1", "create", 999).apply("2", "index", 22);
		this.history
			.add(new AppliedMigration(3, MigrationVersion.fromVersion("3"), "seed", "SQL", "V3__seed.sql", 33, false));
		assertThat(calculate().state()).isEqualTo(SchemaState.FAILED);
	}

	@Test
	void driftedWhenChecksumDiffers() throws Exception {
		apply("1", "create", 11).apply("2", "index", 999).apply("3", "seed", 33);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.DRIFTED);
		assertThat(status.driftedVersions()).containsExactly("2");
		assertThat(status.problems()).anySatisfy((problem) -> assertThat(problem).contains("checksum"));
	}

	@Test
	void driftedWhenDescriptionDiffers() throws Exception {
		apply("1", "create", 11).apply("2", "old index", 22).apply("3", "seed", 33);
		assertThat(calculate().driftedVersions()).containsExactly("2");
	}

	@Test
	void driftedWhenTypeDiffers() throws Exception {
		apply("1", "create", 11).apply("3", "seed", 33);
		this.history.add(1,
				new AppliedMigration(2, MigrationVersion.fromVersion("2"), "index", "JDBC", "V2", null, true));
		assertThat(calculate().state()).isEqualTo(SchemaState.DRIFTED);
	}

	@Test
	void driftedWinsOverBehind() throws Exception {
		apply("1", "create", 999);
		assertThat(calculate().state()).isEqualTo(SchemaState.DRIFTED);
	}

	@Test
	void driftedWhenAppliedMigrationIsMissingLocally() throws Exception {
		this.local.remove(1);
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.DRIFTED);
		assertThat(status.driftedVersions()).containsExactly("2");
	}

	@Test
	void missingMigrationIgnoredByPattern() throws Exception {
		this.local.remove(1);
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33);
		ValidatePattern[] patterns = { ValidatePattern.fromPattern("*:missing") };
		assertThat(status(calculator(patterns).calculate(this.history)).state()).isEqualTo(SchemaState.READY);
	}

	@Test
	void deletedMigrationIsNotMissing() throws Exception {
		this.local.remove(1);
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33);
		this.history.add(new AppliedMigration(4, MigrationVersion.fromVersion("2"), "index", "DELETE", "V2", 22, true));
		assertThat(calculate().state()).isEqualTo(SchemaState.READY);
	}

	@Test
	void migrationsAtOrBelowBaselineAreNotPending() throws Exception {
		this.history.add(new AppliedMigration(1, MigrationVersion.fromVersion("2"), "<< Flyway Baseline >>", "BASELINE",
				"<< Flyway Baseline >>", null, true));
		apply("3", "seed", 33);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThat(status.appliedVersion()).isEqualTo("3");
	}

	@Test
	void migrationsAboveTargetAreNotExpected() throws Exception {
		apply("1", "create", 11).apply("2", "index", 22);
		SchemaStateCalculator calculator = new SchemaStateCalculator(this.local, NO_PATTERNS,
				MigrationVersion.fromVersion("2"));
		SchemaStatus status = status(calculator.calculate(this.history));
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThat(status.expectedVersion()).isEqualTo("2");
	}

	@Test
	void versionsCompareNumerically() throws Exception {
		this.local.add(versioned("10", "ten", 10));
		apply("1", "create", 11).apply("2", "index", 22).apply("3", "seed", 33).apply("10", "ten", 10);
		SchemaStatus status = calculate();
		assertThat(status.state()).isEqualTo(SchemaState.READY);
		assertThat(status.appliedVersion()).isEqualTo("10");
	}

	private SchemaStatus calculate() throws Exception {
		return status(calculator(NO_PATTERNS).calculate(this.history));
	}

	private static SchemaStatus status(SchemaFindings findings) {
		return findings.toStatus(true, Instant.EPOCH, Duration.ZERO);
	}

	private SchemaStateCalculator calculator(ValidatePattern[] patterns) {
		return new SchemaStateCalculator(this.local, patterns, null);
	}

	private SchemaStateCalculatorTests apply(String version, String description, int checksum) {
		MigrationVersion parsed = (version != null) ? MigrationVersion.fromVersion(version) : null;
		this.history.add(
				new AppliedMigration(this.history.size() + 1, parsed, description, "SQL", description, checksum, true));
		return this;
	}

	private static LocalMigration versioned(String version, String description, int checksum) {
		return new LocalMigration(MigrationVersion.fromVersion(version), description, "SQL",
				"V" + version + "__" + description + ".sql", checksum, null);
	}

	private static LocalMigration repeatable(String description, int checksum, int rawChecksum) {
		return new LocalMigration(null, description, "SQL", "R__" + description + ".sql", checksum, rawChecksum);
	}

}
