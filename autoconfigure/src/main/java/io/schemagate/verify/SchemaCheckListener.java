package io.schemagate.verify;

/**
 * Told of every schema check, at startup and in the background.
 */
@FunctionalInterface
public interface SchemaCheckListener {

	/**
	 * A check has completed.
	 * @param status its outcome
	 */
	void onCheck(SchemaStatus status);

}
