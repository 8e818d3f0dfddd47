package io.schemagate.verify;

/**
 * A migration a newer version applied that declared, with
 * {@code -- schemagate:breaks-before <version>}, that applications whose newest migration
 * is older than a version cannot run once it is applied.
 *
 * @param version the version of the migration that declared it
 * @param breaksBefore the oldest version whose applications may run
 */
public record BreakingMigration(String version, String breaksBefore) {

}
