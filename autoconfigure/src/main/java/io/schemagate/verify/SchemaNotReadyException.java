package io.schemagate.verify;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.schemagate.SchemagateException;

/**
 * Thrown when verify mode finds the schema not ready at startup. Carries the status and
 * says what to do.
 */
public class SchemaNotReadyException extends SchemagateException {

	private final SchemaStatus status;

	/**
	 * Create an exception for a status that is not ready.
	 * @param status the status found
	 */
	public SchemaNotReadyException(SchemaStatus status) {
		super("Database schema is not ready: " + status.state() + " (" + String.join("; ", status.problems()) + ")",
				null);
		this.status = status;
	}

	/**
	 * The status found.
	 * @return the status
	 */
	public SchemaStatus getStatus() {
		return this.status;
	}

	@Override
	public String getDescription() {
		if (this.status.targets().isEmpty()) {
			return ("The database schema is not ready: state '" + this.status.state() + "'.\n\n"
					+ describe(this.status, ""))
				.stripTrailing();
		}
		List<SchemaStatus> notReady = notReady();
		StringBuilder description = new StringBuilder("The database schema is not ready for ").append(notReady.size())
			.append(" of ")
			.append(this.status.targets().size())
			.append(" targets: state '")
			.append(this.status.state())
			.append("'.\n");
		for (SchemaStatus target : notReady) {
			description.append("\nTarget '").append(target.target()).append("': ").append(target.state()).append('\n');
			description.append(describe(target, "  "));
		}
		return description.toString().stripTrailing();
	}

	private List<SchemaStatus> notReady() {
		return this.status.targets().stream().filter((target) -> !target.ready()).toList();
	}

	private static String describe(SchemaStatus status, String indent) {
		StringBuilder description = new StringBuilder();
		description.append(indent).append("Expected version: ").append(orNone(status.expectedVersion())).append('\n');
		description.append(indent).append("Applied version:  ").append(orNone(status.appliedVersion())).append('\n');
		appendList(description, indent, "Pending", status.pendingVersions());
		appendList(description, indent, "Failed", status.failedVersions());
		appendList(description, indent, "Drifted", status.driftedVersions());
		BreakingMigration breaking = status.breakingMigration();
		if (breaking != null) {
			description.append(indent)
				.append("Breaking migration: ")
				.append(breaking.version())
				.append(" (declared 'schemagate:breaks-before ")
				.append(breaking.breaksBefore())
				.append("')\n")
				.append(indent)
				.append("Oldest version that may run: the one whose newest migration is ")
				.append(breaking.breaksBefore())
				.append('\n');
		}
		Instant running = status.migrationRunningSince();
		if (running != null) {
			description.append(indent).append("A migration is running (since ").append(running).append(")\n");
		}
		if (!status.problems().isEmpty()) {
			description.append('\n');
			status.problems()
				.forEach((problem) -> description.append(indent).append(" - ").append(problem).append('\n'));
		}
		return description.toString();
	}

	@Override
	public String getAction() {
		if (this.status.targets().isEmpty()) {
			return action(this.status);
		}
		SchemaStatus worst = notReady().stream()
			.filter((target) -> target.state() == this.status.state())
			.findFirst()
			.orElse(this.status);
		return "For target '" + worst.target() + "' and the others in state " + worst.state() + ": " + action(worst);
	}

	private static String action(SchemaStatus status) {
		Instant running = status.migrationRunningSince();
		if (status.state() == SchemaState.BEHIND && running != null) {
			return "A migration is running (since " + running + "): start the service again once the migration "
					+ "job has finished. To wait for it instead of failing, set 'db.verify.on-startup=wait' or "
					+ "'db.verify.on-startup=start-unready'.";
		}
		return switch (status.state()) {
			case BEHIND -> "Run the migration job (this application with 'db.mode=migrate') against this database, "
					+ "then start the service again. To wait for the job instead of failing, set "
					+ "'db.verify.on-startup=wait' or 'db.verify.on-startup=start-unready'. Tests and in-memory "
					+ "databases migrate by themselves unless 'db.mode' is set: leave it unset there.";
			case FAILED -> "A person must act: remove what the failed migration half-applied, run Flyway's "
					+ "repair to remove the failed row from the schema history, fix the migration, then run "
					+ "the migration job again.";
			case DRIFTED -> "Restore the applied migrations listed above to what was applied, or, if the change "
					+ "is intended, run Flyway's repair to realign the schema history. Migrations removed on "
					+ "purpose can be ignored with 'spring.flyway.ignore-migration-patterns' (e.g. '*:missing').";
			case INCOMPATIBLE -> "A newer version applied a migration that this version cannot run with. Deploy a "
					+ "version whose newest migration is " + breaksBefore(status) + " or later; rolling back past a "
					+ "breaking migration needs the database restored as it was before it.";
			case UNREACHABLE -> "Check that the database is running and reachable and that the credentials are "
					+ "right ('spring.datasource.*', or 'spring.flyway.url' and 'spring.flyway.user'), or "
					+ "raise 'db.verify.connect-timeout'.";
			case AHEAD -> "The database was migrated by a newer version of this application. Deploy that "
					+ "version, or set 'db.verify.allow-newer-schema=true' to accept a newer schema.";
			case READY -> "None.";
		};
	}

	private static String breaksBefore(SchemaStatus status) {
		BreakingMigration breaking = status.breakingMigration();
		return (breaking != null) ? breaking.breaksBefore() : "the declared one";
	}

	private static void appendList(StringBuilder description, String indent, String label, List<String> versions) {
		if (!versions.isEmpty()) {
			description.append(indent)
				.append(label)
				.append(" (")
				.append(versions.size())
				.append("): ")
				.append(String.join(", ", versions))
				.append('\n');
		}
	}

	private static String orNone(@Nullable String version) {
		return (version != null) ? version : "none";
	}

}
