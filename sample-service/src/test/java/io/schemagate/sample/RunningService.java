package io.schemagate.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.schemagate.testsupport.TestDatabase;

/**
 * The sample service started in this JVM with a real web server on a free port, on a test
 * database, for tests that need to look inside it (statement counts, pools).
 */
final class RunningService implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final ServiceClient client;

	private RunningService(ConfigurableApplicationContext context) {
		this.context = context;
		int port = Objects.requireNonNull(context.getEnvironment().getProperty("local.server.port", Integer.class));
		this.client = new ServiceClient("in-process", port);
	}

	/**
	 * Start the service.
	 * @param database the database, unless the properties give another URL
	 * @param sources extra configuration classes
	 * @param properties properties, {@code name=value}, over the database's
	 * @return the running service
	 */
	static RunningService start(TestDatabase database, List<Class<?>> sources, String... properties) {
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("server.port", "0");
		arguments.put("spring.datasource.url", database.url());
		arguments.put("spring.datasource.username", database.username());
		arguments.put("spring.datasource.password", Objects.toString(database.password(), ""));
		for (String property : properties) {
			arguments.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		// as command-line arguments, so they win over the sample's application.yaml
		String[] args = arguments.entrySet()
			.stream()
			.map((argument) -> "--" + argument.getKey() + "=" + argument.getValue())
			.toArray(String[]::new);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BakeryApplication.class)
			.sources(sources.toArray(Class<?>[]::new));
		return new RunningService(builder.run(args));
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	ServiceClient client() {
		return this.client;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
