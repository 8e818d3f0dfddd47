package io.schemagate;

import java.util.Map;

import org.flywaydb.core.Flyway;

/**
 * Targets known only at runtime, such as one schema per tenant read from a table: a bean
 * of this type adds them to the application's {@code Flyway} beans, which are targets
 * already. Verify mode checks every target, migrate mode migrates them in order.
 * <pre class="code">
 * &#64;Bean
 * SchemagateTargets tenants(DataSource dataSource, TenantRepository tenants) {
 *     return () -&gt; tenants.findAllSchemas().stream()
 *         .collect(Collectors.toMap((schema) -&gt; schema, (schema) -&gt; Flyway.configure()
 *             .dataSource(dataSource).schemas(schema).locations("classpath:db/tenant").load(),
 *             (a, b) -&gt; a, LinkedHashMap::new));
 * }
 * </pre>
 */
@FunctionalInterface
public interface SchemagateTargets {

	/**
	 * The targets, each Flyway configured for it, by the target's name (unique among all
	 * targets, bean names included), in the order to migrate them.
	 * @return the targets
	 */
	Map<String, Flyway> targets();

}
