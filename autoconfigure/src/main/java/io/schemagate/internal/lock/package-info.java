/**
 * Flyway's lock on a history table and the migrate queue beside it: whom they hold, and a
 * migrate job's bounded turn. Internal: not an API, it may change in any release.
 */
@NullMarked
package io.schemagate.internal.lock;

import org.jspecify.annotations.NullMarked;
