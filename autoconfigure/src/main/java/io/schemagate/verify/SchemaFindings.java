package io.schemagate.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * What one comparison found, folded into a status by state precedence.
 */
final class SchemaFindings {

	private final List<String> pending = new ArrayList<>();

	private final List<String> failed = new ArrayList<>();

	private final List<String> drifted = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private @Nullable MigrationVersion appliedVersion;

	private int appliedCount;

	private int aheadBy;

	void applied(@Nullable MigrationVersion version, boolean counts) {
		if (version != null) {
			this.appliedVersion = SchemaStateCalculator.max(this.appliedVersion, version);
		}
		if (counts) {
			this.appliedCount++;
		}
	}

	void pending(String label) {
		this.pending.add(label);
	}

	void failed(String label, String problem) {
		this.failed.add(label);
		this.problems.add(problem);
	}

	void drifted(String label, String problem) {
		this.drifted.add(label);
		this.problems.add(problem);
	}

	void ahead() {
		this.aheadBy++;
	}

	SchemaStatus toStatus(@Nullable String expectedVersion, int knownCount, boolean noHistory) {
		if (noHistory && !this.pending.isEmpty()) {
			this.problems.add("the schema history table is missing or empty");
		}
		else if (!this.pending.isEmpty()) {
			this.problems.add(this.pending.size() + " migration(s) pending: " + String.join(", ", this.pending));
		}
		SchemaState state = !this.failed.isEmpty() ? SchemaState.FAILED
				: !this.drifted.isEmpty() ? SchemaState.DRIFTED : !this.pending.isEmpty() ? SchemaState.BEHIND
						: (this.aheadBy > 0) ? SchemaState.AHEAD : SchemaState.READY;
		if (state == SchemaState.AHEAD) {
			this.problems.add(this.aheadBy + " applied migration(s) newer than this application knows");
		}
		String applied = (this.appliedVersion != null) ? this.appliedVersion.getVersion() : null;
		return new SchemaStatus(state, applied, expectedVersion, knownCount, this.appliedCount,
				List.copyOf(this.pending), List.copyOf(this.failed), List.copyOf(this.drifted), this.aheadBy,
				List.copyOf(this.problems), null, Instant.EPOCH, Duration.ZERO);
	}

}
