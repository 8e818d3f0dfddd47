/**
 * Migrate mode at runtime: the job, its queue and exit codes: not an API.
 */
@NullMarked
package io.schemagate.internal.migrate;

import org.jspecify.annotations.NullMarked;
