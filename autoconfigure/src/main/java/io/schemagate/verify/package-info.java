/**
 * Verify mode's API: the schema states, the status of a check that health, meters and
 * listeners read, the startup policies and the failures a startup report shows.
 */
@NullMarked
package io.schemagate.verify;

import org.jspecify.annotations.NullMarked;
