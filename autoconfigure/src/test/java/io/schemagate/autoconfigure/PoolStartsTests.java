package io.schemagate.autoconfigure;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.h2.Driver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.schemagate.internal.check.StartupVerification;
import io.schemagate.testsupport.ThreadWatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Verify starts the targets' Hikari pools on a connect thread before it reads the
 * scripts, and leaves other data sources, running pools and closed ones alone.
 */
class PoolStartsTests {

	/**
	 * A thread start and an in-memory connection take milliseconds; 10 s leaves room for
	 * a machine whose cores are busy with other builds.
	 */
	private static final Duration DEADLINE = Duration.ofSeconds(10);

	private final ThreadWatch connectThreads = ThreadWatch.start("schemagate-connect");

	@Test
	void verifyStartsThePoolBeforeItReadsTheScripts() {
		AtomicInteger connections = new AtomicInteger();
		AtomicBoolean startedBeforeVerification = new AtomicBoolean();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					SchemagateAutoConfiguration.class))
			.withPropertyValues("db.mode=verify", "db.verify.on-startup=start-unready")
			.withBean(HikariDataSource.class, () -> countingPool(connections))
			.withBean("observer", BeanPostProcessor.class, () -> new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					// made before the verifiers, whose making reads the scripts; the
					// pool's
					// connect thread is started by then, and may have connected already
					if (bean instanceof StartupVerification) {
						startedBeforeVerification
							.set(!PoolStartsTests.this.connectThreads.newThreads().isEmpty() || connections.get() > 0);
					}
					return bean;
				}
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(startedBeforeVerification).isTrue();
				assertThat(context.getBean(HikariDataSource.class).isRunning()).isTrue();
			});
	}

	@Test
	void unstartedHikariPoolIsStartedAndItsConnectionGivenBack() {
		try (HikariDataSource pool = inMemoryPool()) {
			PoolStarts.startUnstarted(List.of(pool, pool));
			await("the pool started, its connection back in the pool").atMost(DEADLINE)
				.until(() -> pool.isRunning() && pool.getHikariPoolMXBean().getActiveConnections() == 0);
			await("the connect thread ended").atMost(DEADLINE).until(this.connectThreads::newThreads, List::isEmpty);
			assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
		}
	}

	@Test
	void runningPoolClosedPoolAndPlainDataSourceAreLeftAlone() throws SQLException {
		CountingDataSource plain = new CountingDataSource();
		try (HikariDataSource running = inMemoryPool(); HikariDataSource closed = inMemoryPool()) {
			running.getConnection().close();
			closed.close();
			ThreadWatch watch = ThreadWatch.start("schemagate-connect");
			PoolStarts.startUnstarted(List.of(plain, running, closed));
			// threads are started before the call returns: none now means none at all
			assertThat(watch.newThreads()).isEmpty();
			assertThat(plain.connections.get()).isZero();
			assertThat(closed.isClosed()).isTrue();
		}
	}

	@Test
	void poolThatCannotConnectIsLeftToTheCheckWithoutAnError() {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:h2:tcp://127.0.0.1:1/nowhere");
			pool.setConnectionTimeout(Duration.ofSeconds(1).toMillis());
			PoolStarts.startUnstarted(List.of(pool));
			await("the connect thread ended").atMost(DEADLINE).until(this.connectThreads::newThreads, List::isEmpty);
			assertThat(pool.isRunning()).isFalse();
		}
	}

	private static HikariDataSource countingPool(AtomicInteger connections) {
		HikariDataSource pool = new HikariDataSource() {
			@Override
			public Connection getConnection() throws SQLException {
				connections.incrementAndGet();
				return super.getConnection();
			}
		};
		pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		pool.setUsername("sa");
		return pool;
	}

	private static HikariDataSource inMemoryPool() {
		return countingPool(new AtomicInteger());
	}

	private static final class CountingDataSource extends SimpleDriverDataSource {

		private final AtomicInteger connections = new AtomicInteger();

		CountingDataSource() {
			super(new Driver(), "jdbc:h2:mem:" + UUID.randomUUID());
		}

		@Override
		public Connection getConnection() throws SQLException {
			this.connections.incrementAndGet();
			return super.getConnection();
		}

	}

}
