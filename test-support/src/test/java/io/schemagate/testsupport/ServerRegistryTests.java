package io.schemagate.testsupport;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import io.schemagate.testsupport.ServerRegistry.Resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for what {@link ServerRegistry} does with a kind that has no server.
 *
 * @author Schemagate
 */
class ServerRegistryTests {

	private static final Resolution NONE = new Resolution(null, "explicit URL: not configured; local: nothing listens");

	@Test
	void missingServerSkipsTheTestWhenTheKindIsNotRequired() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> ServerRegistry.serverOrAbort(DatabaseKind.MARIADB, NONE, Set.of(DatabaseKind.POSTGRESQL)))
			.withMessageContaining("No mariadb server")
			.withMessageContaining("nothing listens");
	}

	@Test
	void missingServerFailsTheTestWhenTheKindIsRequired() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ServerRegistry.serverOrAbort(DatabaseKind.MARIADB, NONE, Set.of(DatabaseKind.MARIADB)))
			.withMessageStartingWith("MariaDB is required (SCHEMAGATE_TEST_REQUIRE lists 'mariadb')")
			.withMessageContaining("nothing listens");
	}

	@Test
	void foundServerIsReturnedWhetherRequiredOrNot() {
		DatabaseServer server = new DatabaseServer(DatabaseKind.POSTGRESQL, "jdbc:postgresql://h:1/postgres",
				"postgres", "", "test");
		Resolution found = new Resolution(server, "");
		assertThat(ServerRegistry.serverOrAbort(DatabaseKind.POSTGRESQL, found, Set.of())).isSameAs(server);
		assertThat(ServerRegistry.serverOrAbort(DatabaseKind.POSTGRESQL, found, Set.of(DatabaseKind.POSTGRESQL)))
			.isSameAs(server);
	}

}
