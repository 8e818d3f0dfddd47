package io.schemagate.metrics;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.schemagate.migrate.MigrationListener;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.verify.SchemaCheckListener;
import io.schemagate.verify.SchemaStatus;

/**
 * Records schema checks and migrate runs: {@code db.schema.verify} (timer, tag
 * {@code state}), {@code db.schema.migrate} (timer, tag {@code outcome}),
 * {@code db.schema.pending} and {@code db.schema.ready} (gauges of the last check).
 */
public class SchemaMetrics implements SchemaCheckListener, MigrationListener {

	/**
	 * Timer of each schema check, tagged with the lowercase state.
	 */
	public static final String VERIFY = "db.schema.verify";

	/**
	 * Timer of each migrate run, tagged with the outcome.
	 */
	public static final String MIGRATE = "db.schema.migrate";

	/**
	 * Gauge of the migrations the application knows that are not applied.
	 */
	public static final String PENDING = "db.schema.pending";

	/**
	 * Gauge that is 1 when the last check found the schema ready, else 0.
	 */
	public static final String READY = "db.schema.ready";

	private final MeterRegistry registry;

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicInteger ready = new AtomicInteger();

	/**
	 * Create the meters on a registry.
	 * @param registry the registry
	 */
	public SchemaMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder(PENDING, this.pending, AtomicInteger::get)
			.description("Migrations the application knows that are not applied, at the last check")
			.register(registry);
		Gauge.builder(READY, this.ready, AtomicInteger::get)
			.description("1 when the last check found the schema ready, else 0")
			.register(registry);
	}

	@Override
	public void onCheck(SchemaStatus status) {
		this.pending.set(status.pending());
		this.ready.set(status.ready() ? 1 : 0);
		Timer.builder(VERIFY)
			.description("Schema checks")
			.tag("state", status.state().name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.record(status.duration());
	}

	@Override
	public void onMigration(MigrationOutcome outcome) {
		Timer.builder(MIGRATE)
			.description("Migrate runs")
			.tag("outcome", outcome.isSuccess() ? "success" : "failure")
			.register(this.registry)
			.record(outcome.duration());
	}

}
