package io.schemagate.autoconfigure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.schemagate.autoconfigure.SchemagateProperties.Mode;

/**
 * The mode a run uses, and why when {@code db.mode} did not say.
 *
 * @param mode the mode
 * @param exit whether migrate mode ends the process after migrating
 * @param reason why this mode was chosen without {@code db.mode}, or {@code null} when
 * {@code db.mode} chose it
 */
record ModeDecision(Mode mode, boolean exit, @Nullable String reason) {

	/**
	 * The mode's name as users write it, for logs and health details.
	 * @return the lowercase mode name
	 */
	String modeName() {
		return this.mode.name().toLowerCase(Locale.ROOT);
	}

}
