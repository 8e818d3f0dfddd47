package io.schemagate.autoconfigure.health;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.schemagate.autoconfigure.ModeDecider;
import io.schemagate.autoconfigure.SchemaTargets;
import io.schemagate.autoconfigure.SchemagateAutoConfiguration;
import io.schemagate.health.SchemaHealthIndicator;
import io.schemagate.internal.check.SchemaMonitor;

/**
 * Auto-configuration for the {@code schema} health contributor, and for its place in the
 * readiness group.
 */
@AutoConfiguration(after = { SchemagateAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SchemaMonitor.class)
@ConditionalOnEnabledHealthIndicator("schema")
public final class SchemagateHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "schemaHealthIndicator")
	SchemaHealthIndicator schemaHealthIndicator(ObjectProvider<SchemaMonitor> monitor, ModeDecider modeDecider,
			SchemaTargets targets) {
		return new SchemaHealthIndicator(() -> monitor.getObject().lastStatus(),
				() -> modeDecider.modeName(targets.dataSources()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	static class ReadinessConfiguration {

		@Bean
		static SchemaReadinessHealthEndpointGroupsPostProcessor schemaReadinessHealthEndpointGroupsPostProcessor(
				Environment environment) {
			return new SchemaReadinessHealthEndpointGroupsPostProcessor(environment);
		}

	}

}
