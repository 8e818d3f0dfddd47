package io.schemagate.testsupport;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that gives each test its own fresh database and drops it afterwards.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);
 * </pre>
 */
public final class TestDatabaseExtension implements BeforeEachCallback, AfterEachCallback {

	private final DatabaseKind kind;

	private @Nullable TestDatabase database;

	/**
	 * Create an extension for a kind of database.
	 * @param kind the kind
	 */
	public TestDatabaseExtension(DatabaseKind kind) {
		this.kind = kind;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.database = TestDatabases.create(this.kind);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

	/**
	 * The current test's database.
	 * @return the database
	 */
	public TestDatabase get() {
		if (this.database == null) {
			throw new IllegalStateException("No database outside a test");
		}
		return this.database;
	}

}
