/**
 * Reading Flyway's schema history and Schemagate's compatibility table: not an API.
 */
@NullMarked
package io.schemagate.internal.history;

import org.jspecify.annotations.NullMarked;
