/**
 * Finding the migrations an application knows, as Flyway resolves them: not an API.
 */
@NullMarked
package io.schemagate.internal.local;

import org.jspecify.annotations.NullMarked;
