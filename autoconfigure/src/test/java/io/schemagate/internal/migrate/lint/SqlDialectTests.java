package io.schemagate.internal.migrate.lint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlDialect}.
 */
class SqlDialectTests {

	@ParameterizedTest
	@CsvSource({ "PostgreSQL, POSTGRESQL", "MariaDB, MYSQL", "MySQL, MYSQL", "H2, H2" })
	void dialectFollowsProductName(String productName, SqlDialect dialect) {
		assertThat(SqlDialect.fromProductName(productName)).isEqualTo(dialect);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Oracle", "Microsoft SQL Server", "SQLite", "" })
	void otherProductsHaveNoDialect(String productName) {
		assertThat(SqlDialect.fromProductName(productName)).isNull();
	}

}
