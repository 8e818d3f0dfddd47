/**
 * The {@code schema} health contributor and its place in the readiness group.
 */
@NullMarked
package io.schemagate.health;

import org.jspecify.annotations.NullMarked;
