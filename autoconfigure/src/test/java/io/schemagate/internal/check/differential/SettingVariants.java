package io.schemagate.internal.check.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.boot.flyway.autoconfigure.FlywayProperties;

/**
 * The {@code spring.flyway.*} settings a release under test runs with.
 */
final class SettingVariants {

	private SettingVariants() {
	}

	static Map<String, Consumer<FlywayProperties>> all() {
		Map<String, Consumer<FlywayProperties>> variants = new LinkedHashMap<>();
		variants.put("defaults", (p) -> {
		});
		variants.put("ignore missing", (p) -> p.setIgnoreMigrationPatterns(List.of("*:future", "*:missing")));
		variants.put("ignore ignored", (p) -> p.setIgnoreMigrationPatterns(List.of("*:future", "*:ignored")));
		variants.put("ignore pending",
				(p) -> p.setIgnoreMigrationPatterns(List.of("*:future", "versioned:pending", "repeatable:pending")));
		variants.put("no ignore patterns", (p) -> p.setIgnoreMigrationPatterns(List.of()));
		variants.put("out of order", (p) -> p.setOutOfOrder(true));
		variants.put("target current", (p) -> p.setTarget("current"));
		variants.put("target next", (p) -> p.setTarget("next"));
		variants.put("target 2", (p) -> p.setTarget("2"));
		variants.put("target 9, missing", (p) -> p.setTarget("9"));
		variants.put("placeholder", (p) -> p.setPlaceholders(Map.of("who", "bakery")));
		return variants;
	}

}
