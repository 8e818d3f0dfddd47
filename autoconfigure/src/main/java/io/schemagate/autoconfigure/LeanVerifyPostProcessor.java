package io.schemagate.autoconfigure;

import java.util.Arrays;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Decides the {@link VerifyPath} and, on the lean path, leaves Spring Boot's
 * {@code Flyway} bean and its migration initializer to be made when something asks for
 * them: lazy, and no longer waited for by the beans that need the database (those wait
 * for Schemagate's initializer, which verifies first). Runs after Spring Boot's database
 * initialization ordering (order 0), which added those waits.
 */
final class LeanVerifyPostProcessor implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	static final String BEAN_NAME = "schemagateVerifyPath";

	private static final Log logger = LogFactory.getLog(LeanVerifyPostProcessor.class);

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return 1;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		VerifyPath path = VerifyPath.decide(beanFactory, this.environment);
		beanFactory.registerSingleton(BEAN_NAME, path);
		if (!path.lean()) {
			logger.debug("Verify builds Flyway's engine: " + path.reason());
			return;
		}
		for (String name : VerifyPath.UNMADE) {
			if (beanFactory.containsBeanDefinition(name)) {
				beanFactory.getBeanDefinition(name).setLazyInit(true);
			}
		}
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			String[] dependsOn = definition.getDependsOn();
			if (dependsOn != null && Arrays.stream(dependsOn).anyMatch(VerifyPath.UNMADE::contains)) {
				definition.setDependsOn(Arrays.stream(dependsOn)
					.filter((other) -> !VerifyPath.UNMADE.contains(other))
					.toArray(String[]::new));
			}
		}
		logger.debug("Verify reads Spring Boot's Flyway settings without building Flyway's engine");
	}

}
