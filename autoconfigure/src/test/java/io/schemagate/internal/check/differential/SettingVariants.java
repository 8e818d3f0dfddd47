package io.schemagate.internal.check.differential;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The {@code spring.flyway.*} settings a release under test runs with.
 */
final class SettingVariants {

	private SettingVariants() {
	}

	static Map<String, UnaryOperator<FluentConfiguration>> all() {
		Map<String, UnaryOperator<FluentConfiguration>> variants = new LinkedHashMap<>();
		variants.put("defaults", (c) -> c);
		variants.put("ignore missing", (c) -> c.ignoreMigrationPatterns("*:future", "*:missing"));
		variants.put("ignore ignored", (c) -> c.ignoreMigrationPatterns("*:future", "*:ignored"));
		variants.put("ignore pending",
				(c) -> c.ignoreMigrationPatterns("*:future", "versioned:pending", "repeatable:pending"));
		variants.put("no ignore patterns", (c) -> c.ignoreMigrationPatterns(new String[0]));
		variants.put("out of order", (c) -> c.outOfOrder(true));
		variants.put("target current", (c) -> c.target("current"));
		variants.put("target next", (c) -> c.target("next"));
		variants.put("target 2", (c) -> c.target("2"));
		variants.put("target 9, missing", (c) -> c.target("9"));
		variants.put("placeholder", (c) -> c.placeholders(Map.of("who", "bakery")));
		return variants;
	}

}
