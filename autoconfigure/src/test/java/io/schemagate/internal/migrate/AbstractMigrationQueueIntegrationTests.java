package io.schemagate.internal.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.schemagate.internal.lock.LockHolder;
import io.schemagate.internal.lock.MigrationLocks;
import io.schemagate.migrate.MigrationLockTimeoutException;
import io.schemagate.migrate.MigrationStoppedException;
import io.schemagate.testsupport.DatabaseKind;
import io.schemagate.testsupport.TestDatabase;
import io.schemagate.testsupport.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link MigrationQueue} and {@link MigrationLocks} on a real database: jobs take turns,
 * the next one goes as soon as the previous one ends, a wait ends at the lock timeout
 * naming the holder or when the job is asked to stop, the lock is found where Flyway
 * itself takes it, and a pooled connection never keeps a lock.
 */
abstract class AbstractMigrationQueueIntegrationTests {

	/** A connection and one statement: milliseconds here; 10 s for a loaded machine. */
	private static final Duration SOON = Duration.ofSeconds(10);

	private static final Duration LONG = Duration.ofMinutes(1);

	@RegisterExtension
	final TestDatabaseExtension database;

	@TempDir
	Path folder;

	private HikariDataSource pool;

	AbstractMigrationQueueIntegrationTests(DatabaseKind kind) {
		this.database = new TestDatabaseExtension(kind);
	}

	@BeforeEach
	void openPool() {
		this.pool = pool(4);
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void nextJobGoesAsSoonAsThePreviousOneEnds() throws SQLException {
		FluentConfiguration configuration = Flyway.configure().dataSource(this.pool);
		MigrationLocks.Turn first = MigrationQueue.join(configuration, LONG, new StopSignal());
		CompletableFuture<MigrationLocks.Turn> second = CompletableFuture
			.supplyAsync(() -> join(configuration, LONG, new StopSignal()));
		await("second job waiting").atMost(SOON).until(() -> waitingSessions() == 1);
		assertThat(second).isNotDone();
		first.close();
		// woken by the release at once (milliseconds), not by a poll
		assertThat(second).succeedsWithin(Duration.ofSeconds(5));
		second.join().close();
		assertThat(holders()).isEmpty();
		assertThat(this.pool.getHikariPoolMXBean().getIdleConnections()).isPositive();
	}

	@Test
	void jobsOnDifferentHistoryTablesDoNotWaitForEachOther() throws SQLException {
		try (MigrationLocks.Turn first = MigrationQueue.join(Flyway.configure().dataSource(this.pool), LONG,
				new StopSignal());
				MigrationLocks.Turn other = MigrationQueue
					.join(Flyway.configure().dataSource(this.pool).table("other_history"), LONG, new StopSignal())) {
			assertThat(holders()).hasSize(1).allSatisfy((holder) -> assertThat(holder.flyway()).isFalse());
			assertThat(holders("other_history")).hasSize(1);
		}
	}

	@Test
	void waitEndsAtTheLockTimeoutNamingTheHolder() throws SQLException {
		try (MigrationLocks.Turn first = MigrationQueue.join(Flyway.configure().dataSource(this.pool), LONG,
				new StopSignal())) {
			String holder = holders().get(0).session();
			long started = System.nanoTime();
			assertThatExceptionOfType(MigrationLockTimeoutException.class)
				.isThrownBy(() -> MigrationQueue.join(Flyway.configure().dataSource(this.pool), Duration.ofSeconds(1),
						new StopSignal()))
				.satisfies((ex) -> {
					assertThat(ex.getHolder()).startsWith("session " + holder);
					assertThat(ex.getDescription()).contains("the migrate queue").contains("1000ms");
				});
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
			assertThat(holders()).extracting(LockHolder::session).containsExactly(holder);
		}
	}

	@Test
	void flywaysOwnLockIsWaitedForAndNamed() throws Exception {
		Files.writeString(this.folder.resolve("V1__first.sql"), slowStatement(0) + "\n");
		Flyway flyway = Flyway.configure()
			.dataSource(this.database.get().dataSource())
			.locations("filesystem:" + this.folder)
			.load();
		flyway.migrate();
		Files.writeString(this.folder.resolve("V2__slow.sql"), slowStatement(30) + "\n");
		CompletableFuture<?> migrating = CompletableFuture.runAsync(flyway::migrate);
		try {
			// Flyway's lock, as Flyway itself takes it around a migration, is the one
			// these locks know
			await("Flyway migrating").atMost(SOON)
				.until(() -> slowStatementRuns() && holders().stream().anyMatch(LockHolder::flyway));
			assertThatExceptionOfType(MigrationLockTimeoutException.class)
				.isThrownBy(() -> MigrationQueue.join(Flyway.configure().dataSource(this.pool), Duration.ofSeconds(1),
						new StopSignal()))
				.satisfies((ex) -> assertThat(ex.getDescription()).contains("Flyway's lock on "));
		}
		finally {
			endSlowStatements();
			migrating.handle((done, failure) -> null).join();
		}
	}

	@Test
	void requestToStopEndsTheWait() throws SQLException {
		try (MigrationLocks.Turn first = MigrationQueue.join(Flyway.configure().dataSource(this.pool), LONG,
				new StopSignal())) {
			StopSignal stop = new StopSignal();
			CompletableFuture<MigrationLocks.Turn> waiting = CompletableFuture
				.supplyAsync(() -> join(Flyway.configure().dataSource(this.pool), LONG, stop));
			await("second job waiting").atMost(SOON).until(() -> waitingSessions() == 1);
			stop.request();
			assertThat(waiting).failsWithin(SOON)
				.withThrowableOfType(Exception.class)
				.havingRootCause()
				.isInstanceOf(MigrationStoppedException.class);
		}
		assertThat(holders()).isEmpty();
	}

	@Test
	void turnWhoseSessionEndsLeavesNoLockAndClosesQuietly() throws SQLException {
		MigrationLocks.Turn turn = MigrationQueue.join(Flyway.configure().dataSource(this.pool), LONG,
				new StopSignal());
		String session = holders().get(0).session();
		endSession(session);
		await("lock released with the session").atMost(SOON).until(() -> holders().isEmpty());
		turn.close();
		try (MigrationLocks.Turn next = MigrationQueue.join(Flyway.configure().dataSource(this.pool),
				Duration.ofSeconds(5), new StopSignal())) {
			assertThat(holders()).hasSize(1);
		}
	}

	@Test
	void poolTooSmallForATurnGoesWithoutTheQueue() throws SQLException {
		try (HikariDataSource small = pool(2);
				MigrationLocks.Turn turn = MigrationQueue.join(Flyway.configure().dataSource(small), LONG,
						new StopSignal())) {
			assertThat(holders()).isEmpty();
			assertThat(small.getHikariPoolMXBean().getActiveConnections()).isZero();
		}
	}

	/**
	 * How many sessions wait for a lock of this database.
	 */
	abstract int waitingSessions();

	/**
	 * A statement that runs for so many seconds.
	 */
	abstract String slowStatement(int seconds);

	/**
	 * Whether a slow statement runs.
	 */
	abstract boolean slowStatementRuns();

	/**
	 * End the slow statements that still run.
	 */
	abstract void endSlowStatements();

	/**
	 * End a session, as an operator would.
	 */
	abstract void endSession(String session);

	HikariDataSource pool() {
		return this.pool;
	}

	JdbcTemplate jdbc() {
		return new JdbcTemplate(this.database.get().dataSource());
	}

	private List<LockHolder> holders() throws SQLException {
		return holders("flyway_schema_history");
	}

	private List<LockHolder> holders(String table) throws SQLException {
		try (Connection connection = this.database.get().dataSource().getConnection()) {
			MigrationLocks locks = MigrationLocks.of(connection, null, table);
			assertThat(locks).isNotNull();
			return locks.holders(connection);
		}
	}

	private HikariDataSource pool(int size) {
		TestDatabase database = this.database.get();
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(database.url());
		pool.setUsername(database.username());
		pool.setPassword(database.password());
		pool.setMaximumPoolSize(size);
		return pool;
	}

	private static MigrationLocks.Turn join(FluentConfiguration configuration, Duration timeout, StopSignal stop) {
		try {
			return MigrationQueue.join(configuration, timeout, stop);
		}
		catch (SQLException ex) {
			throw new CompletionException(ex);
		}
	}

}
