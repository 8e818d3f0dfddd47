package io.schemagate.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code db.mode} before the application context exists: a bad value stops startup
 * before the database is touched (Boot's report names the value and the allowed ones),
 * and a migration job that is to exit starts no web server.
 */
class DbModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "schemagateMigrateMode";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		SchemagateProperties.Mode mode = binder.bind("db.mode", SchemagateProperties.Mode.class)
			.orElse(SchemagateProperties.Mode.VERIFY);
		boolean exit = binder.bind("db.migrate.exit", Boolean.class).orElse(true);
		if (mode == SchemagateProperties.Mode.MIGRATE && exit) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.main.web-application-type", "none")));
		}
	}

	@Override
	public int getOrder() {
		// after config data, so application.yaml and profiles are seen
		return Ordered.LOWEST_PRECEDENCE;
	}

}
