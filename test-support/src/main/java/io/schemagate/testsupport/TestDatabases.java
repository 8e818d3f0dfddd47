package io.schemagate.testsupport;

import java.security.SecureRandom;

/**
 * Creates a fresh, empty database on a real server for each caller.
 * <p>
 * The server for each {@link DatabaseKind} is found once per JVM, in this order:
 * <ol>
 * <li>an explicit admin URL: system property {@code schemagate.test.<kind>.url} or
 * environment variable {@code SCHEMAGATE_TEST_<KIND>_URL}, with optional
 * {@code .username}/{@code _USERNAME} and {@code .password}/{@code _PASSWORD} (defaults:
 * {@code postgres} or {@code root}, empty password). {@code <kind>} is {@code postgresql}
 * or {@code mariadb};</li>
 * <li>the conventional local server: PostgreSQL on {@code 127.0.0.1:5432} as
 * {@code postgres}, MariaDB on {@code 127.0.0.1:3306} as {@code root}, no password;</li>
 * <li>a shared Testcontainers container ({@code postgres:15-alpine},
 * {@code mariadb:10.11}) when Docker is available;</li>
 * <li>for PostgreSQL only, a shared embedded PostgreSQL (not as the OS user root).</li>
 * </ol>
 * The source that was used is printed once per kind. If none works, the calling test is
 * aborted through JUnit's {@code Assumptions}, so it is reported as skipped, with the
 * reasons in the message; unless the build requires that kind (system property
 * {@code schemagate.test.require} or environment variable
 * {@code SCHEMAGATE_TEST_REQUIRE}, e.g. {@code postgresql,mariadb}), then the test fails,
 * naming the kind and the reasons.
 *
 * <pre class="code">
 * try (TestDatabase database = TestDatabases.create(DatabaseKind.POSTGRESQL)) {
 *     database.execute("CREATE TABLE t (id int)");
 * }
 * </pre>
 *
 * @author Schemagate
 */
public final class TestDatabases {

	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final int SUFFIX_LENGTH = 12;

	private static final SecureRandom random = new SecureRandom();

	private TestDatabases() {
	}

	/**
	 * Create a new, uniquely named ({@code sg_} and 12 random lower-case letters and
	 * digits), empty database on a server of the given kind. Close the returned handle to
	 * drop it again.
	 * @param kind the kind of server
	 * @return the new database
	 * @throws org.opentest4j.TestAbortedException if no server of that kind can be had
	 */
	public static TestDatabase create(DatabaseKind kind) {
		DatabaseServer server = ServerRegistry.server(kind);
		String suffix = randomSuffix();
		String name = "sg_" + suffix;
		server.admin((admin) -> server.serverAdmin().createDatabase(admin, name));
		return new TestDatabase(server, name, suffix);
	}

	private static String randomSuffix() {
		StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
		for (int i = 0; i < SUFFIX_LENGTH; i++) {
			suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return suffix.toString();
	}

}
