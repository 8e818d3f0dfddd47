package io.schemagate.health;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.function.SingletonSupplier;

import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.verify.BreakingMigration;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

/**
 * The {@code schema} health contributor: reports the last schema check, never waiting on
 * the database. A ready status ({@code READY}, {@code AHEAD} when allowed, and either
 * kept through the unreachable grace) is {@code UP}, {@code BEHIND} is
 * {@code OUT_OF_SERVICE}, the rest {@code DOWN}.
 */
public class SchemaHealthIndicator implements HealthIndicator {

	private static final int MAX_PENDING_VERSIONS = 10;

	private final Supplier<SchemaMonitor> monitor;

	private final Supplier<String> mode;

	/**
	 * Create an indicator.
	 * @param monitor where the last check is kept, looked up at the first health request
	 * so that a migration job never prepares verification
	 * @param mode the application's mode, for the details, looked up at the first request
	 */
	public SchemaHealthIndicator(Supplier<SchemaMonitor> monitor, Supplier<String> mode) {
		this.monitor = monitor;
		this.mode = SingletonSupplier.of(mode);
	}

	@Override
	public Health health() {
		SchemaStatus status = this.monitor.get().lastStatus();
		if (status == null) {
			return Health.unknown().withDetail("mode", this.mode.get()).build();
		}
		Health.Builder health = Health.status(status(status)).withDetail("mode", this.mode.get());
		health.withDetail("state", status.state().name());
		detail(health, "appliedVersion", status.appliedVersion());
		detail(health, "expectedVersion", status.expectedVersion());
		health.withDetail("pending", status.pending());
		List<String> pending = status.pendingVersions();
		health.withDetail("pendingVersions", pending.subList(0, Math.min(MAX_PENDING_VERSIONS, pending.size())));
		health.withDetail("failedVersions", status.failedVersions());
		health.withDetail("driftedVersions", status.driftedVersions());
		health.withDetail("aheadBy", status.aheadBy());
		health.withDetail("migrationInProgress", status.migrationInProgress());
		BreakingMigration breaking = status.breakingMigration();
		if (breaking != null) {
			health.withDetail("breaksBefore", breaking.breaksBefore());
			health.withDetail("breakingVersion", breaking.version());
		}
		if (status.unreachableSince() != null) {
			health.withDetail("unreachableSince", status.unreachableSince().toString());
		}
		detail(health, "error", status.error());
		health.withDetail("checkedAt", status.checkedAt().toString());
		return health.build();
	}

	private static Status status(SchemaStatus status) {
		if (status.ready()) {
			return Status.UP;
		}
		return (status.state() == SchemaState.BEHIND) ? Status.OUT_OF_SERVICE : Status.DOWN;
	}

	private static void detail(Health.Builder health, String name, @Nullable Object value) {
		if (value != null) {
			health.withDetail(name, value);
		}
	}

}
