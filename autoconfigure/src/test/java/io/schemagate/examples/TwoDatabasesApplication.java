package io.schemagate.examples;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The example of the documentation (docs/several-databases.md): a service with two
 * databases, each with its own {@code Flyway} bean and migrations. Both are targets.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class TwoDatabasesApplication {

	// tag::two-databases[]
	@Bean
	@Primary
	@ConfigurationProperties("app.orders.datasource")
	DataSource ordersDataSource() {
		return DataSourceBuilder.create().build();
	}

	@Bean
	@ConfigurationProperties("app.audit.datasource")
	DataSource auditDataSource() {
		return DataSourceBuilder.create().build();
	}

	@Bean
	Flyway ordersFlyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/orders").load();
	}

	@Bean
	Flyway auditFlyway(@Qualifier("auditDataSource") DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/audit").load();
	}
	// end::two-databases[]

}
