package io.schemagate.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.function.SingletonSupplier;

import io.schemagate.verify.BreakingMigration;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * The {@code schema} health contributor: reports the last schema check, never waiting on
 * the database. A ready status ({@code READY}, {@code AHEAD} when allowed, and either
 * kept through the unreachable grace) is {@code UP}, {@code BEHIND} is
 * {@code OUT_OF_SERVICE}, the rest {@code DOWN}. With several targets it is the worst
 * target's status, with each target's details under {@code targets} (those not ready
 * first, at most 20) and how many targets are in each state under {@code targetStates}.
 */
public class SchemaHealthIndicator implements HealthIndicator {

	private static final int MAX_PENDING_VERSIONS = 10;

	private static final int MAX_TARGETS = 20;

	private final Supplier<@Nullable SchemaStatus> lastStatus;

	private final Supplier<String> mode;

	/**
	 * Create an indicator.
	 * @param lastStatus the last check's status, {@code null} before the first; asked at
	 * each request, so that a migration job never prepares verification
	 * @param mode the application's mode, for the details, looked up at the first request
	 */
	public SchemaHealthIndicator(Supplier<@Nullable SchemaStatus> lastStatus, Supplier<String> mode) {
		this.lastStatus = lastStatus;
		this.mode = SingletonSupplier.of(mode);
	}

	@Override
	public Health health() {
		SchemaStatus status = this.lastStatus.get();
		if (status == null) {
			return Health.unknown().withDetail("mode", this.mode.get()).build();
		}
		Health.Builder health = Health.status(status(status)).withDetail("mode", this.mode.get());
		if (status.targets().isEmpty()) {
			return health.withDetails(details(status)).build();
		}
		health.withDetail("state", status.state().name());
		health.withDetail("pending", status.pending());
		health.withDetail("migrationInProgress", status.migrationInProgress());
		health.withDetail("targets", targets(status.targets()));
		health.withDetail("targetStates", targetStates(status.targets()));
		return health.withDetail("checkedAt", status.checkedAt().toString()).build();
	}

	/**
	 * The details of one target's status.
	 */
	private static Map<String, Object> details(SchemaStatus status) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", status.state().name());
		detail(details, "appliedVersion", status.appliedVersion());
		detail(details, "expectedVersion", status.expectedVersion());
		details.put("pending", status.pending());
		List<String> pending = status.pendingVersions();
		details.put("pendingVersions", pending.subList(0, Math.min(MAX_PENDING_VERSIONS, pending.size())));
		details.put("failedVersions", status.failedVersions());
		details.put("driftedVersions", status.driftedVersions());
		details.put("aheadBy", status.aheadBy());
		details.put("migrationInProgress", status.migrationInProgress());
		BreakingMigration breaking = status.breakingMigration();
		if (breaking != null) {
			details.put("breaksBefore", breaking.breaksBefore());
			details.put("breakingVersion", breaking.version());
		}
		if (status.unreachableSince() != null) {
			details.put("unreachableSince", status.unreachableSince().toString());
		}
		detail(details, "error", status.error());
		details.put("checkedAt", status.checkedAt().toString());
		return details;
	}

	/**
	 * The targets' details: those not ready first, at most {@value #MAX_TARGETS}, so that
	 * a response stays small with many targets.
	 */
	private static Map<String, Object> targets(List<SchemaStatus> targets) {
		Map<String, Object> details = new LinkedHashMap<>();
		Stream
			.concat(targets.stream().filter((target) -> !target.ready()), targets.stream().filter(SchemaStatus::ready))
			.limit(MAX_TARGETS)
			.forEach((target) -> details.put(Objects.requireNonNull(target.target()), details(target)));
		return details;
	}

	/**
	 * How many targets are in each state, in the states' order of precedence.
	 */
	private static Map<String, Long> targetStates(List<SchemaStatus> targets) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (SchemaState state : SchemaState.values()) {
			long count = targets.stream().filter((target) -> target.state() == state).count();
			if (count > 0) {
				counts.put(state.name(), count);
			}
		}
		return counts;
	}

	private static Status status(SchemaStatus status) {
		if (status.ready()) {
			return Status.UP;
		}
		return (status.state() == SchemaState.BEHIND) ? Status.OUT_OF_SERVICE : Status.DOWN;
	}

	private static void detail(Map<String, Object> details, String name, @Nullable Object value) {
		if (value != null) {
			details.put(name, value);
		}
	}

}
