package io.schemagate.verify;

/**
 * The state of the database schema compared with the migrations the application knows.
 * Where several hold, the first constant in declaration order wins.
 */
public enum SchemaState {

	/**
	 * No connection could be had within the connect timeout, or the schema history could
	 * not be read.
	 */
	UNREACHABLE,

	/**
	 * The schema history records a failed migration.
	 */
	FAILED,

	/**
	 * An applied migration differs from the application's copy or is missing locally.
	 */
	DRIFTED,

	/**
	 * A newer version applied a migration that declared it breaks applications as old as
	 * this one ({@code -- schemagate:breaks-before <version>}).
	 */
	INCOMPATIBLE,

	/**
	 * A migration the application knows is not applied, the application's version of a
	 * repeatable migration never ran, or the schema history table is missing.
	 */
	BEHIND,

	/**
	 * Every known migration is applied and a newer version of the application has moved
	 * the database on: newer versioned migrations (also failed ones), repeatable
	 * migrations it added, or repeatable migrations it changed.
	 */
	AHEAD,

	/**
	 * Every known migration is applied and successful, and the checksums match.
	 */
	READY;

	/**
	 * Whether an application may serve traffic in this state;
	 * {@link SchemaStatus#ready()} carries the answer for a check.
	 * @param allowNewerSchema whether {@link #AHEAD} counts as ready
	 * @return whether the schema is ready
	 */
	public boolean isReady(boolean allowNewerSchema) {
		return this == READY || (this == AHEAD && allowNewerSchema);
	}

	/**
	 * Whether the application must not start in this state under any startup policy: a
	 * newer version declared that this one breaks on the database as it is.
	 * @return whether startup always fails
	 */
	public boolean isFatal() {
		return this == INCOMPATIBLE;
	}

	/**
	 * Whether waiting may help: another process (the migration job, the database coming
	 * back) can make this state ready without a person acting.
	 * @return whether the state can resolve itself
	 */
	public boolean isTransient() {
		return this == BEHIND || this == UNREACHABLE;
	}

}
