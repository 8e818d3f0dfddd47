package io.schemagate.metrics;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import io.schemagate.migrate.MigrationListener;
import io.schemagate.migrate.MigrationOutcome;
import io.schemagate.verify.SchemaCheckListener;
import io.schemagate.verify.SchemaStatus;

/**
 * Records schema checks and migrate runs: {@code db.schema.verify} (timer, tag
 * {@code state}), {@code db.schema.migrate} (timer, tag {@code outcome}),
 * {@code db.schema.pending} and {@code db.schema.ready} (gauges of the last check). With
 * several targets every meter also has a {@code target} tag, one series per target.
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

	private static final String TARGET = "target";

	private final MeterRegistry registry;

	private final Gauges application;

	private final Map<String, Gauges> targets = new ConcurrentHashMap<>();

	/**
	 * Create the meters on a registry.
	 * @param registry the registry
	 */
	public SchemaMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.application = gauges(null);
	}

	@Override
	public void onCheck(SchemaStatus status) {
		String target = status.target();
		if (target == null) {
			this.application.set(status.pending(), status.ready());
		}
		else {
			this.targets.computeIfAbsent(target, this::gauges).set(status.pending(), status.ready());
			// the untagged gauges are the application's: every target's pending, ready
			// when all are
			this.application.set(this.targets.values().stream().mapToInt((gauges) -> gauges.pending().get()).sum(),
					this.targets.values().stream().allMatch((gauges) -> gauges.ready().get() == 1));
		}
		Timer.builder(VERIFY)
			.description("Schema checks")
			.tag("state", status.state().name().toLowerCase(Locale.ROOT))
			.tags(targetTag(status.target()))
			.register(this.registry)
			.record(status.duration());
	}

	@Override
	public void onMigration(MigrationOutcome outcome) {
		Timer.builder(MIGRATE)
			.description("Migrate runs")
			.tag("outcome", outcome.isSuccess() ? "success" : "failure")
			.tags(targetTag(outcome.target()))
			.register(this.registry)
			.record(outcome.duration());
	}

	/**
	 * Register the gauges of a target, on its first check, or the application's
	 * ({@code null}), untagged.
	 */
	private Gauges gauges(@Nullable String target) {
		Gauges gauges = new Gauges(new AtomicInteger(), new AtomicInteger());
		Gauge.builder(PENDING, gauges.pending(), AtomicInteger::get)
			.description("Migrations the application knows that are not applied, at the last check")
			.tags(targetTag(target))
			.register(this.registry);
		Gauge.builder(READY, gauges.ready(), AtomicInteger::get)
			.description("1 when the last check found the schema ready, else 0")
			.tags(targetTag(target))
			.register(this.registry);
		return gauges;
	}

	private static Tags targetTag(@Nullable String target) {
		return (target != null) ? Tags.of(TARGET, target) : Tags.empty();
	}

	private record Gauges(AtomicInteger pending, AtomicInteger ready) {

		void set(int pending, boolean ready) {
			this.pending.set(pending);
			this.ready.set(ready ? 1 : 0);
		}

	}

}
