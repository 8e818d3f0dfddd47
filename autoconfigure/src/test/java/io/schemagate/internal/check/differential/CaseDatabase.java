package io.schemagate.internal.check.differential;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The database of one case, isolated from every other case's.
 *
 * @param dataSource the database
 * @param schema the schema Flyway is to use, or {@code null} for the connection's own
 * @param quote the identifier quote of the database, for the rows a case writes itself
 * @param cleanup what ends the case's database
 */
record CaseDatabase(DataSource dataSource, @Nullable String schema, String quote, Runnable cleanup) {

	/**
	 * A name quoted for this database, qualified with the case's schema.
	 * @param name the name
	 * @return the qualified, quoted name
	 */
	String qualified(String name) {
		String quoted = this.quote + name + this.quote;
		return (this.schema != null) ? this.quote + this.schema + this.quote + "." + quoted : quoted;
	}

	String column(String name) {
		return this.quote + name + this.quote;
	}

}
