/**
 * Schemagate: verify the database schema at startup, migrate it in a job.
 */
@NullMarked
package io.schemagate;

import org.jspecify.annotations.NullMarked;
