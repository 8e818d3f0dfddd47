package io.schemagate.internal;

import java.sql.SQLException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link Messages}.
 */
class MessagesTests {

	static Stream<Arguments> secrets() {
		return Stream.of(
				// key=value and key: value, any case
				arguments("password=s3cr3t", "password=******"), arguments("PASSWORD=s3cr3t", "PASSWORD=******"),
				arguments("password: s3cr3t", "password: ******"), arguments("Password:s3cr3t", "Password:******"),
				arguments("password = s3cr3t", "password = ******"), arguments("pwd=s3cr3t", "pwd=******"),
				arguments("PWD: s3cr3t", "PWD: ******"), arguments("passwd=s3cr3t", "passwd=******"),
				arguments("spring.datasource.password=s3cr3t", "spring.datasource.password=******"),
				arguments("SPRING_FLYWAY_PASSWORD=s3cr3t", "SPRING_FLYWAY_PASSWORD=******"),
				arguments("host=db user=app password=s3cr3t dbname=orders",
						"host=db user=app password=****** dbname=orders"),
				arguments("password='two words'", "password='******'"),
				arguments("connecting using password=YES", "connecting using password=******"),
				arguments("using password: s3cr3t)", "using password: ******"),
				// secret, token and API keys
				arguments("secret=s3cr3t", "secret=******"), arguments("client_secret=s3cr3t", "client_secret=******"),
				arguments("Token: abc.def.ghi", "Token: ******"),
				arguments("access_token=abc&scope=read", "access_token=******&scope=read"),
				arguments("apiKey=abc123", "apiKey=******"), arguments("api_key=abc123", "api_key=******"),
				arguments("X-API-KEY: abc123", "X-API-KEY: ******"),
				arguments("aws.accessKey=AKIA123", "aws.accessKey=******"),
				arguments("credentials=app:s3cr3t", "credentials=******"),
				// JSON, also escaped inside another string, and cut off by the first line
				arguments("{\"user\":\"app\",\"password\":\"s3cr3t\"}", "{\"user\":\"app\",\"password\":\"******\"}"),
				arguments("{\"password\" : \"a \\\"quoted\\\", secret\"}", "{\"password\" : \"******\"}"),
				arguments("{\"token\": 12345, \"ttl\": 60}", "{\"token\": ******, \"ttl\": 60}"),
				arguments("{\\\"password\\\":\\\"s3cr3t\\\"}", "{\\\"password\\\":\\\"******\\\"}"),
				arguments("{'password': 's3cr3t'}", "{'password': '******'}"),
				arguments("{\"password\":\"s3cr3t and more", "{\"password\":\"******\""),
				// user:password@host in URIs, JDBC URLs removed whole
				arguments("postgresql://app:s3cr3t@db.example.com:5432/orders",
						"postgresql://app:******@db.example.com:5432/orders"),
				arguments("mongodb://app:p@ss:w0rd@db1,db2/orders", "mongodb://app:******@db1,db2/orders"),
				arguments("redis://:s3cr3t@cache:6379", "redis://:******@cache:6379"),
				arguments("Cannot connect to jdbc:postgresql://app:s3cr3t@db:5432/orders",
						"Cannot connect to <jdbc url>"),
				arguments("jdbc:mariadb://db/orders?user=app&password=p&;,x&sslMode=verify-full failed",
						"<jdbc url> failed"),
				arguments("Connecting to 'jdbc:sqlserver://db;user=app;password=s3cr3t' failed",
						"Connecting to '<jdbc url>' failed"),
				// passwords holding '&', ';' and ',' in query strings and key lists
				arguments("https://db/orders?user=a&password=p&;,x&ssl=true",
						"https://db/orders?user=a&password=******&ssl=true"),
				arguments("user=a;password=p,;x;encrypt=true", "user=a;password=******;encrypt=true"),
				arguments("{user=app, password=p&;,x, url=db}", "{user=app, password=******, url=db}"),
				arguments("password=p&;,x", "password=******"),
				// several in one message
				arguments("user=app password=one token=two", "user=app password=****** token=******"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("secrets")
	void secretsAreRemoved(String message, String sanitized) {
		assertThat(Messages.sanitize(message)).isEqualTo(sanitized);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("secrets")
	void sanitizedMessagesStayAsTheyAre(String message, String sanitized) {
		assertThat(Messages.sanitize(sanitized)).isEqualTo(sanitized);
	}

	@ParameterizedTest
	@ValueSource(strings = { "FATAL: password authentication failed for user \"app\"",
			"Access denied for user 'app'@'10.0.0.7' (using password: YES)",
			"ORA-01017: invalid username/password; logon denied", "ERROR: column \"password\" does not exist",
			"Script V4__add_password.sql: syntax error at or near \"token\"",
			"Migration V7__drop_api_key_column.sql failed", "Connection to db.example.com:5432 refused",
			"postgresql://app@db.example.com/orders", "https://db.example.com:8443/actuator/health", "password=",
			"password: ", "Validate failed: Migrations have failed validation" })
	void messagesWithoutSecretsStayAsTheyAre(String message) {
		assertThat(Messages.sanitize(message)).isEqualTo(message);
	}

	@Test
	void describeNamesTheRootCauseOnItsFirstLineWithoutSecrets() {
		SQLException root = new SQLException("FATAL: password=s3cr3t rejected\nDetail: more");
		RuntimeException ex = new IllegalStateException("Unable to obtain connection",
				new RuntimeException("wrapper", root));
		assertThat(Messages.describe(ex)).isEqualTo("FATAL: password=****** rejected");
	}

	@Test
	void describeNamesTheTypeOfAnExceptionWithoutMessage() {
		assertThat(Messages.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

	@Test
	void describeWithoutExceptionSaysUnknownError() {
		assertThat(Messages.describe(null)).isEqualTo("unknown error");
	}

}
