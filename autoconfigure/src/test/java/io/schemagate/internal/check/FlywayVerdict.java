package io.schemagate.internal.check;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateOutput;

import io.schemagate.verify.SchemaState;

/**
 * What Flyway's own {@code info()} and {@code validate()} say of a database, folded into
 * a {@link SchemaState}, so a test can check that the verifier agrees with Flyway.
 */
public final class FlywayVerdict {

	private static final Set<CoreErrorCode> DRIFT = EnumSet.of(CoreErrorCode.CHECKSUM_MISMATCH,
			CoreErrorCode.DESCRIPTION_MISMATCH, CoreErrorCode.TYPE_MISMATCH,
			CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED,
			CoreErrorCode.APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED);

	private static final Set<MigrationState> BEHIND = EnumSet.of(MigrationState.PENDING, MigrationState.IGNORED,
			MigrationState.OUTDATED);

	private FlywayVerdict() {
	}

	/**
	 * What Flyway says of the database it is configured for.
	 * @param flyway the Flyway instance
	 * @return its verdict, as one of the contract's states
	 */
	public static SchemaState of(Flyway flyway) {
		MigrationInfo[] all = flyway.info().all();
		if (Arrays.stream(all).anyMatch((info) -> info.getState().isFailed())) {
			return SchemaState.FAILED;
		}
		boolean drifted = flyway.validateWithResult().invalidMigrations.stream()
			.map((output) -> errorCode(output))
			.anyMatch(DRIFT::contains);
		if (drifted) {
			return SchemaState.DRIFTED;
		}
		if (Arrays.stream(all).anyMatch((info) -> BEHIND.contains(info.getState()))) {
			return SchemaState.BEHIND;
		}
		if (Arrays.stream(all).anyMatch((info) -> info.getState() == MigrationState.FUTURE_SUCCESS)) {
			return SchemaState.AHEAD;
		}
		return SchemaState.READY;
	}

	private static ErrorCode errorCode(ValidateOutput output) {
		return output.errorDetails.errorCode;
	}

}
