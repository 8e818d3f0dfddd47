/**
 * Verify mode at runtime: checks, the monitor and startup: not an API.
 */
@NullMarked
package io.schemagate.internal.check;

import org.jspecify.annotations.NullMarked;
