/**
 * Internals shared by verify and migrate mode: not an API, may change in any release.
 */
@NullMarked
package io.schemagate.internal;

import org.jspecify.annotations.NullMarked;
