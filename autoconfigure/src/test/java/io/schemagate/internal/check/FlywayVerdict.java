package io.schemagate.internal.check;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorCode;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.AppliedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

import io.schemagate.verify.SchemaState;

/**
 * What Flyway's own {@code info()} and {@code validate()} say of a database, read into a
 * {@link SchemaState} by the contract's mapping, so that a test can check the verifier
 * against Flyway:
 * <ul>
 * <li>FAILED: a migration Flyway calls failed;</li>
 * <li>DRIFTED: validate reports a checksum, description or type mismatch, or an applied
 * migration not resolved locally;</li>
 * <li>BEHIND: a migration pending, a repeatable outdated, or one ignored that validate
 * reports;</li>
 * <li>AHEAD: what a newer version did (the contract's rolling-upgrade rules): versioned
 * migrations newer than every local one, failed ones included; repeatable migrations
 * first applied after every row of a migration the application knows; and repeatable
 * migrations whose latest run superseded the application's own checksum. Flyway alone
 * would call some of these failed, drifted or outdated;</li>
 * <li>READY otherwise.</li>
 * </ul>
 * Where Flyway's {@code info()} or {@code validate()} throw, this throws too.
 */
public final class FlywayVerdict {

	private static final Set<CoreErrorCode> DRIFT = EnumSet.of(CoreErrorCode.CHECKSUM_MISMATCH,
			CoreErrorCode.DESCRIPTION_MISMATCH, CoreErrorCode.TYPE_MISMATCH,
			CoreErrorCode.APPLIED_VERSIONED_MIGRATION_NOT_RESOLVED,
			CoreErrorCode.APPLIED_REPEATABLE_MIGRATION_NOT_RESOLVED);

	private FlywayVerdict() {
	}

	/**
	 * The state Flyway says, by the contract's mapping.
	 * @param flyway Flyway configured as the application
	 * @return the state
	 * @throws RuntimeException where Flyway's info() or validate() fail
	 */
	public static SchemaState of(Flyway flyway) {
		return read(flyway).state();
	}

	/**
	 * The state Flyway says, by the contract's mapping, and the versions its migrate
	 * would apply, from one {@code info()}.
	 * @param flyway Flyway configured as the application
	 * @return the state and the pending versions
	 * @throws RuntimeException where Flyway's info() or validate() fail
	 */
	public static Verdict read(Flyway flyway) {
		List<MigrationInfo> infos = Arrays.asList(flyway.info().all());
		List<String> pending = infos.stream()
			.filter((info) -> info.getState() == MigrationState.PENDING && info.getVersion() != null)
			.map((info) -> info.getVersion().getVersion())
			.sorted()
			.toList();
		return new Verdict(state(flyway, infos), pending);
	}

	private static SchemaState state(Flyway flyway, List<MigrationInfo> infos) {
		List<ValidateOutput> errors = flyway.validateWithResult().invalidMigrations;
		Newer newer = new Newer(infos);
		boolean failed = false;
		boolean behind = false;
		for (MigrationInfo info : infos) {
			MigrationState state = info.getState();
			if (newer.isNewer(info)) {
				continue;
			}
			failed |= state.isFailed();
			behind |= state == MigrationState.PENDING || state == MigrationState.OUTDATED;
		}
		boolean drifted = false;
		for (ValidateOutput error : errors) {
			if (newer.explains(error)) {
				continue;
			}
			ErrorCode code = error.errorDetails.errorCode;
			drifted |= DRIFT.contains(code);
			behind |= code == CoreErrorCode.RESOLVED_VERSIONED_MIGRATION_NOT_APPLIED
					|| code == CoreErrorCode.RESOLVED_REPEATABLE_MIGRATION_NOT_APPLIED;
		}
		if (failed) {
			return SchemaState.FAILED;
		}
		if (drifted) {
			return SchemaState.DRIFTED;
		}
		if (behind) {
			return SchemaState.BEHIND;
		}
		return newer.any() ? SchemaState.AHEAD : SchemaState.READY;
	}

	/**
	 * What Flyway says of a database.
	 *
	 * @param state the state, by the contract's mapping
	 * @param pendingVersions the versions {@code info().pending()} lists, sorted as
	 * strings
	 */
	public record Verdict(SchemaState state, List<String> pendingVersions) {

	}

	/**
	 * What a newer version of the application did, by the contract's rules.
	 */
	private static final class Newer {

		private final Set<String> versions = new HashSet<>();

		private final Set<String> repeatables = new HashSet<>();

		private final Set<String> changedRepeatables = new HashSet<>();

		Newer(List<MigrationInfo> infos) {
			int lastKnownRank = 0;
			Map<String, Integer> firstRuns = new HashMap<>();
			for (MigrationInfo info : infos) {
				if (info.getInstalledRank() == null) {
					continue;
				}
				if (resolved(info) != null) {
					lastKnownRank = Math.max(lastKnownRank, info.getInstalledRank());
				}
				if (info.getVersion() == null && !info.getType().isSynthetic()) {
					firstRuns.merge(info.getDescription(), info.getInstalledRank(), Math::min);
				}
			}
			for (MigrationInfo info : infos) {
				MigrationState state = info.getState();
				boolean applied = info.getInstalledRank() != null;
				if (applied && info.getVersion() != null && resolved(info) == null
						&& (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED)) {
					this.versions.add(info.getVersion().getVersion());
				}
				if (applied && info.getVersion() == null && resolved(info) == null && !info.getType().isSynthetic()
						&& firstRuns.getOrDefault(info.getDescription(), 0) > lastKnownRank) {
					this.repeatables.add(info.getDescription());
				}
				if (applied && info.getVersion() == null && state == MigrationState.OUTDATED
						&& supersededOwnChecksum(infos, info)) {
					this.changedRepeatables.add(info.getDescription());
				}
			}
		}

		/**
		 * Whether an earlier successful run of an outdated repeatable had the local
		 * checksum.
		 */
		private static boolean supersededOwnChecksum(List<MigrationInfo> infos, MigrationInfo outdated) {
			ResolvedMigration local = resolved(outdated);
			if (local == null) {
				return false;
			}
			for (MigrationInfo info : infos) {
				AppliedMigration row = applied(info);
				if (row != null && row.getVersion() == null && row.getDescription().equals(outdated.getDescription())
						&& row.isSuccess() && row.getInstalledRank() < outdated.getInstalledRank()
						&& local.checksumMatches(row.getChecksum())) {
					return true;
				}
			}
			return false;
		}

		boolean isNewer(MigrationInfo info) {
			if (info.getVersion() != null) {
				return info.getInstalledRank() != null && resolved(info) == null
						&& this.versions.contains(info.getVersion().getVersion());
			}
			return this.repeatables.contains(info.getDescription()) || this.changedRepeatables
				.contains(info.getDescription())
					&& (info.getState() == MigrationState.OUTDATED || info.getState() == MigrationState.PENDING);
		}

		boolean explains(ValidateOutput error) {
			if (!error.version.isEmpty()) {
				return this.versions.contains(error.version);
			}
			return this.repeatables.contains(error.description) || this.changedRepeatables.contains(error.description);
		}

		boolean any() {
			return !this.versions.isEmpty() || !this.repeatables.isEmpty() || !this.changedRepeatables.isEmpty();
		}

		private static ResolvedMigration resolved(MigrationInfo info) {
			return ((MigrationInfoImpl) info).getResolvedMigration();
		}

		private static AppliedMigration applied(MigrationInfo info) {
			return ((MigrationInfoImpl) info).getAppliedMigration();
		}

	}

}
