package io.schemagate.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequiredKinds}.
 *
 * @author Schemagate
 */
class RequiredKindsTests {

	@Test
	void nothingIsRequiredWhenUnset() {
		assertThat(RequiredKinds.parse(null)).isEmpty();
		assertThat(RequiredKinds.parse(" ")).isEmpty();
	}

	@Test
	void kindsAreListedByTheirIdsInAnyCase() {
		assertThat(RequiredKinds.parse("postgresql, MariaDB")).containsExactlyInAnyOrder(DatabaseKind.POSTGRESQL,
				DatabaseKind.MARIADB);
		assertThat(RequiredKinds.parse("mariadb,")).containsExactly(DatabaseKind.MARIADB);
	}

	@Test
	void unknownKindIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> RequiredKinds.parse("postgresql,oracle"))
			.withMessageContaining("'oracle'")
			.withMessageContaining("SCHEMAGATE_TEST_REQUIRE")
			.withMessageContaining("postgresql, mariadb");
	}

}
