package io.schemagate.autoconfigure.health;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

import io.schemagate.autoconfigure.health.SchemaReadinessGroups;

/**
 * Adds the {@code schema} contributor to Boot's readiness probe group, unless the
 * application configured that group itself. Runs after Boot's probes post-processor,
 * which creates the group (same order, registered later).
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class SchemaReadinessHealthEndpointGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

	private static final String READINESS_GROUP = "management.endpoint.health.group.readiness";

	private final boolean userConfigured;

	SchemaReadinessHealthEndpointGroupsPostProcessor(Environment environment) {
		Binder binder = Binder.get(environment);
		this.userConfigured = binder.bind(READINESS_GROUP + ".include", String[].class).isBound()
				|| binder.bind(READINESS_GROUP + ".exclude", String[].class).isBound();
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		return this.userConfigured ? groups : new SchemaReadinessGroups(groups, "schema");
	}

}
