/**
 * Test support for Schemagate: every integration test gets its own fresh, empty database
 * on a real PostgreSQL or MariaDB server.
 * <p>
 * Entry point: {@link io.schemagate.testsupport.TestDatabases#create(DatabaseKind)}.
 */
@NullMarked
package io.schemagate.testsupport;

import org.jspecify.annotations.NullMarked;
