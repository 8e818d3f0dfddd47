package io.schemagate.examples;

import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.schemagate.internal.check.SchemaMonitor;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;
import io.schemagate.verify.SchemaNotReadyException;
import io.schemagate.verify.SchemaState;
import io.schemagate.verify.SchemaStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documentation's examples of several targets run as applications: the job migrates
 * every target, then the service verifies them.
 */
class ExampleApplicationsTests {

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	@RegisterExtension
	final TestDatabaseExtension mariadb = new TestDatabaseExtension(DatabaseKind.MARIADB);

	@Test
	void twoDatabasesAreMigratedThenVerified() {
		String[] databases = { "--app.orders.datasource.jdbc-url=" + this.postgres.get().url(),
				"--app.orders.datasource.username=" + this.postgres.get().username(),
				"--app.audit.datasource.jdbc-url=" + this.mariadb.get().url(),
				"--app.audit.datasource.username=" + this.mariadb.get().username() };
		assertThatThrownBy(() -> run(TwoDatabasesApplication.class, "verify", databases).close()).rootCause()
			.isInstanceOf(SchemaNotReadyException.class)
			.hasMessageContaining("ordersFlyway: ")
			.hasMessageContaining("auditFlyway: ");
		run(TwoDatabasesApplication.class, "migrate", databases).close();
		try (ConfigurableApplicationContext service = run(TwoDatabasesApplication.class, "verify", databases)) {
			SchemaStatus status = service.getBean(SchemaMonitor.class).lastStatus();
			assertThat(status.state()).isEqualTo(SchemaState.READY);
			assertThat(status.targets()).extracting(SchemaStatus::target)
				.containsExactly("ordersFlyway", "auditFlyway");
		}
	}

	@Test
	void tenantSchemasAreMigratedThenVerified() {
		TestDatabase database = this.postgres.get();
		database.execute("CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b", "CREATE SCHEMA tenant_c");
		String[] tenants = { "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(), "--spring.flyway.enabled=false" };
		run(TenantSchemasApplication.class, "migrate", tenants).close();
		try (ConfigurableApplicationContext service = run(TenantSchemasApplication.class, "verify", tenants)) {
			SchemaStatus status = service.getBean(SchemaMonitor.class).lastStatus();
			assertThat(status.state()).isEqualTo(SchemaState.READY);
			assertThat(status.targets()).extracting(SchemaStatus::target)
				.containsExactly("tenant_a", "tenant_b", "tenant_c");
		}
		assertThat(Flyway.configure()
			.dataSource(database.dataSource())
			.schemas("tenant_b")
			.locations("classpath:db/tenant")
			.load()
			.info()
			.applied()).hasSize(2);
	}

	private static ConfigurableApplicationContext run(Class<?> application, String mode, String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		// an application run from a test: a job that migrates goes on instead of exiting
		all.addAll(List.of("--db.mode=" + mode, "--db.migrate.exit=false"));
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(all.toArray(String[]::new));
	}

}
