package io.schemagate.autoconfigure.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.schemagate.autoconfigure.SchemagateAutoConfiguration;
import io.schemagate.autoconfigure.SchemagateProperties;
import io.schemagate.metrics.SchemaMetrics;

/**
 * Auto-configuration for Schemagate's meters, when a {@link MeterRegistry} is present.
 */
@AutoConfiguration(
		after = { SchemagateAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration")
@ConditionalOnClass({ MeterRegistry.class, SchemagateProperties.class })
@ConditionalOnBean({ MeterRegistry.class, SchemagateProperties.class })
public final class SchemagateMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SchemaMetrics schemaMetrics(MeterRegistry registry) {
		return new SchemaMetrics(registry);
	}

}
