package io.schemagate.internal.migrate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link MigrationQueue} on real PostgreSQL: jobs take turns, the next one goes as soon
 * as the previous one ends, and a pooled connection never keeps the lock.
 */
class PostgresMigrationQueueTests {

	@RegisterExtension
	final TestDatabaseExtension postgres = new TestDatabaseExtension(DatabaseKind.POSTGRESQL);

	private HikariDataSource pool;

	private JdbcTemplate jdbc;

	@BeforeEach
	void openPool() {
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(this.postgres.get().url());
		this.pool.setUsername(this.postgres.get().username());
		this.pool.setPassword(this.postgres.get().password());
		this.pool.setMaximumPoolSize(4);
		this.jdbc = new JdbcTemplate(this.postgres.get().dataSource());
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void nextJobGoesAsSoonAsThePreviousOneEnds() throws SQLException {
		FluentConfiguration configuration = Flyway.configure().dataSource(this.pool);
		MigrationQueue.Turn first = MigrationQueue.join(configuration);
		CompletableFuture<MigrationQueue.Turn> second = CompletableFuture.supplyAsync(() -> join(configuration));
		// a connection and one statement: milliseconds here; 10 s for a loaded machine
		await("second job waiting").atMost(Duration.ofSeconds(10)).until(() -> advisoryLocks(false) == 1);
		assertThat(second).isNotDone();
		first.close();
		// woken by the unlock at once (milliseconds); Flyway's own retries would take a
		// whole second per try, which this does not test
		assertThat(second).succeedsWithin(Duration.ofSeconds(5));
		second.join().close();
		// the connections went back to the pool without the lock
		assertThat(advisoryLocks(true)).isZero();
		assertThat(this.pool.getHikariPoolMXBean().getIdleConnections()).isPositive();
	}

	@Test
	void jobsOnDifferentHistoryTablesDoNotWaitForEachOther() throws SQLException {
		try (MigrationQueue.Turn first = MigrationQueue.join(Flyway.configure().dataSource(this.pool));
				MigrationQueue.Turn other = MigrationQueue
					.join(Flyway.configure().dataSource(this.pool).table("other_history"))) {
			assertThat(advisoryLocks(true)).isEqualTo(2);
		}
	}

	@Test
	void waitEndsAfterFlywaysLockRetryCountInSeconds() throws SQLException {
		try (MigrationQueue.Turn first = MigrationQueue.join(Flyway.configure().dataSource(this.pool))) {
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> MigrationQueue.join(Flyway.configure().dataSource(this.pool).lockRetryCount(1)))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("55P03"));
		}
		assertThat(advisoryLocks(true)).isZero();
	}

	@Test
	void poolTooSmallForATurnAndFlywayGoesWithoutTheQueue() throws SQLException {
		this.pool.setMaximumPoolSize(2);
		try (MigrationQueue.Turn turn = MigrationQueue.join(Flyway.configure().dataSource(this.pool))) {
			assertThat(advisoryLocks(true)).isZero();
			assertThat(this.pool.getHikariPoolMXBean().getActiveConnections()).isZero();
		}
	}

	private static MigrationQueue.Turn join(FluentConfiguration configuration) {
		try {
			return MigrationQueue.join(configuration);
		}
		catch (SQLException ex) {
			throw new CompletionException(ex);
		}
	}

	private int advisoryLocks(boolean granted) {
		Integer count = this.jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
				+ "AND granted = ? AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
				Integer.class, granted);
		return (count != null) ? count : 0;
	}

}
