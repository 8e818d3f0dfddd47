package io.schemagate.internal.local;

import org.flywaydb.core.api.callback.Event;

/**
 * A callback script where Flyway looks for callbacks: an SQL script
 * ({@code afterMigrate.sql}, {@code beforeValidate__set_path.sql}), which Flyway runs
 * unless default callbacks are skipped, or a script in a shell's language
 * ({@code beforeInfo.sh}), which it runs always.
 *
 * @param filename the file name
 * @param event the event it runs on, from its prefix
 * @param sql whether it is an SQL script
 * @param name the file name without its suffix, by which Flyway tells SQL callbacks apart
 */
public record CallbackScript(String filename, Event event, boolean sql, String name) {

}
