package io.schemagate.bench.app;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.schemagate.SchemagateTargets;

/**
 * A schema per tenant, as the several-targets part of the benchmark measures it:
 * {@code bench.tenants=N} makes {@code N} tenant schemas, {@code tenant_000} and on, each
 * with the migrations of {@code spring.flyway.locations}.
 * <ul>
 * <li>{@code bench.tenant-check=schemagate}: a {@link SchemagateTargets} bean, so
 * Schemagate verifies every tenant at startup.
 * <li>{@code bench.tenant-check=validate}: what applications write today, Flyway's
 * {@code validate()} for each tenant in turn while the context starts (run with
 * Schemagate's auto-configurations excluded).
 * <li>{@code bench.tenant-check=none}: each tenant's {@code Flyway} built, nothing
 * checked: the floor the two others are measured against.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("bench.tenants")
public class BenchTenants {

	private static final Log logger = LogFactory.getLog(BenchTenants.class);

	/**
	 * The name of a tenant's schema.
	 * @param tenant the tenant's number, from 0
	 * @return the schema name
	 */
	public static String schema(int tenant) {
		return "tenant_%03d".formatted(tenant);
	}

	@Bean
	@ConditionalOnProperty(name = "bench.tenant-check", havingValue = "schemagate")
	SchemagateTargets benchTenantTargets(DataSource dataSource, Environment environment) {
		return () -> tenants(dataSource, environment);
	}

	@Bean
	@ConditionalOnProperty(name = "bench.tenant-check", havingValue = "validate")
	InitializingBean benchTenantValidation(DataSource dataSource, Environment environment) {
		return () -> {
			Map<String, Flyway> tenants = tenants(dataSource, environment);
			tenants.values().forEach(Flyway::validate);
			logger.info("Bench: validated " + tenants.size() + " tenant schemas");
		};
	}

	@Bean
	@ConditionalOnProperty(name = "bench.tenant-check", havingValue = "none")
	InitializingBean benchTenantsBuilt(DataSource dataSource, Environment environment) {
		return () -> logger.info("Bench: built " + tenants(dataSource, environment).size() + " tenants' Flyway");
	}

	private static Map<String, Flyway> tenants(DataSource dataSource, Environment environment) {
		int count = environment.getRequiredProperty("bench.tenants", Integer.class);
		String[] locations = environment.getRequiredProperty("spring.flyway.locations", String[].class);
		Map<String, Flyway> tenants = new LinkedHashMap<>();
		for (int tenant = 0; tenant < count; tenant++) {
			tenants.put(schema(tenant),
					Flyway.configure().dataSource(dataSource).schemas(schema(tenant)).locations(locations).load());
		}
		return tenants;
	}

}
