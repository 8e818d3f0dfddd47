package io.schemagate.examples;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.SchemagateTargets;

/**
 * The example of the documentation (docs/several-databases.md): a service with a schema
 * per tenant, the tenants found at startup. Each tenant's schema is a target.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TenantSchemasApplication {

	// tag::tenant-schemas[]
	@Bean
	SchemagateTargets tenantSchemas(DataSource dataSource) {
		return () -> {
			// the schemas the tenants' provisioning created; read with the DataSource:
			// JPA and JdbcTemplate beans wait for the targets' check
			List<String> schemas = new JdbcTemplate(dataSource)
				.queryForList("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'tenant\\_%' "
						+ "ORDER BY schema_name", String.class);
			Map<String, Flyway> tenants = new LinkedHashMap<>();
			for (String schema : schemas) {
				tenants.put(schema,
						Flyway.configure()
							.dataSource(dataSource)
							.schemas(schema)
							.locations("classpath:db/tenant")
							.load());
			}
			return tenants;
		};
	}
	// end::tenant-schemas[]

}
