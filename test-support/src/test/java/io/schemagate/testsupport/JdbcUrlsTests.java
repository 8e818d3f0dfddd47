package io.schemagate.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcUrls}.
 *
 * @author Schemagate
 */
class JdbcUrlsTests {

	@Test
	void replacesDatabase() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "sg_x"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:5432/sg_x");
	}

	@Test
	void addsDatabaseAfterTrailingSlash() {
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://127.0.0.1:3306/", "sg_x"))
			.isEqualTo("jdbc:mariadb://127.0.0.1:3306/sg_x");
	}

	@Test
	void addsDatabaseWithoutPath() {
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://localhost:3306", "sg_x"))
			.isEqualTo("jdbc:mariadb://localhost:3306/sg_x");
	}

	@Test
	void keepsQueryParameters() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5/test?loggerLevel=OFF", "sg_x"))
			.isEqualTo("jdbc:postgresql://h:5/sg_x?loggerLevel=OFF");
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://h:5?a=b/c", "sg_x"))
			.isEqualTo("jdbc:mariadb://h:5/sg_x?a=b/c");
	}

	@Test
	void removesCredentials() {
		String url = "jdbc:postgresql://h/db?user=u&ssl=false&password=secret";
		assertThat(JdbcUrls.withoutCredentials(url)).isEqualTo("jdbc:postgresql://h/db?ssl=false");
		assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://h/db?password=s"))
			.isEqualTo("jdbc:postgresql://h/db");
		assertThat(JdbcUrls.parameter(url, "PASSWORD")).isEqualTo("secret");
		assertThat(JdbcUrls.parameter(url, "missing")).isNull();
	}

	@Test
	void replacesAddressKeepingDatabaseAndParameters() {
		assertThat(JdbcUrls.withAddress("jdbc:postgresql://db.example:5432/sg_x?ssl=false", "127.0.0.1", 40123))
			.isEqualTo("jdbc:postgresql://127.0.0.1:40123/sg_x?ssl=false");
		assertThat(JdbcUrls.address("jdbc:mariadb://127.0.0.1:3306/sg_x")).satisfies((address) -> {
			assertThat(address.getHost()).isEqualTo("127.0.0.1");
			assertThat(address.getPort()).isEqualTo(3306);
		});
	}

}
