package io.schemagate.internal.check.differential;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link AbstractFlywayDifferentialTests} on H2 in memory, a database per case.
 */
class H2FlywayDifferentialTests extends AbstractFlywayDifferentialTests {

	@Override
	protected CaseDatabase database(int id) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:case" + id + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;USER=sa");
		return new CaseDatabase(dataSource, null, "\"", () -> new JdbcTemplate(dataSource).execute("SHUTDOWN"));
	}

	@Override
	protected String name() {
		return "h2";
	}

}
