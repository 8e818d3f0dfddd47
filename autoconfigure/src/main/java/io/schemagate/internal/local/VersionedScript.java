package io.schemagate.internal.local;

import java.util.function.Supplier;

import org.flywaydb.core.api.MigrationVersion;

/**
 * A versioned SQL migration script, as the migration job reads it before applying it.
 *
 * @param version the version
 * @param script the script's file name
 * @param text reads the script's text
 */
public record VersionedScript(MigrationVersion version, String script, Supplier<String> text) {

}
