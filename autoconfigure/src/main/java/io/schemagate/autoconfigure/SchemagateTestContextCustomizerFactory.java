package io.schemagate.autoconfigure;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Makes Spring test contexts migrate and then serve unless the test sets {@code db.mode}
 * itself: a test database has no migration job, so verify mode would find every test's
 * schema missing. Registered in {@code META-INF/spring.factories}, where only Spring's
 * test framework looks for it, so it costs nothing outside tests and needs no dependency
 * of the application's own.
 */
class SchemagateTestContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new SchemagateTestContextCustomizer();
	}

	/**
	 * Adds the lowest of the environment's property sources: every setting of the test,
	 * the application or the environment wins over it. A migration job in a test must not
	 * end the test's JVM, so {@code db.migrate.exit} defaults to {@code false} there.
	 */
	static final class SchemagateTestContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new MapPropertySource(ModeDecider.TEST_CONTEXT_PROPERTY_SOURCE,
						Map.of("db.migrate.exit", "false")));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			// one customizer for every test: it never splits the context cache
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
