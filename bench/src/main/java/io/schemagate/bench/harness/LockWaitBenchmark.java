package io.schemagate.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import io.schemagate.internal.migrate.SchemaMigrator;
import io.schemagate.migrate.MigrateExitCode;

/**
 * Part 5: two migrate jobs of the same kind at once. The first takes the lock and runs a
 * migration that holds it for a while; the second starts once the lock is taken and has
 * nothing left to do when it gets its turn. The figure is how long the second ends after
 * the first: the time it spends noticing that the lock is free.
 */
final class LockWaitBenchmark {

	private static final String DATABASE = "sg_bench_lock";

	private final BenchDatabase database;

	private final Path scripts;

	LockWaitBenchmark(BenchDatabase database, Path root) {
		this.database = database;
		this.scripts = root.resolve("lock");
		try {
			Files.createDirectories(this.scripts);
			Files.writeString(this.scripts.resolve("V1__hold_the_lock.sql"), "SELECT pg_sleep(1.5);\n");
			Files.writeString(this.scripts.resolve("V2__create_table.sql"), "CREATE TABLE bench_lock (id INT);\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Run the race {@code repetitions} times with two Flyway migrate jobs, and as many
	 * with two Schemagate migrate jobs.
	 * @return the samples for Flyway's and Schemagate's migrate
	 */
	Samples[] run(int repetitions) {
		Samples flyway = new Samples();
		Samples schemagate = new Samples();
		for (int i = 0; i < repetitions; i++) {
			flyway.add(race(Flyway::migrate));
			schemagate.add(race(LockWaitBenchmark::schemagateMigrate));
		}
		return new Samples[] { flyway, schemagate };
	}

	private double race(Consumer<Flyway> job) {
		this.database.recreate(DATABASE);
		try (HikariDataSource first = this.database.dataSource(DATABASE, 4);
				HikariDataSource other = this.database.dataSource(DATABASE, 4)) {
			CompletableFuture<Long> firstEnded = CompletableFuture.supplyAsync(() -> {
				job.accept(flyway(first));
				return System.nanoTime();
			});
			awaitLockTaken(other);
			job.accept(flyway(other));
			long secondEnded = System.nanoTime();
			return (secondEnded - firstEnded.join()) / 1_000_000.0;
		}
	}

	private Flyway flyway(HikariDataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + this.scripts.toAbsolutePath())
			.load();
	}

	private static void schemagateMigrate(Flyway flyway) {
		MigrateExitCode exitCode = new SchemaMigrator().migrate(flyway).exitCode();
		if (exitCode != MigrateExitCode.SUCCESS) {
			throw new IllegalStateException("Schemagate migrate ended with " + exitCode);
		}
	}

	private static void awaitLockTaken(HikariDataSource dataSource) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			while (System.nanoTime() < deadline) {
				try (ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
							+ "AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
					if (rows.next() && rows.getInt(1) > 0) {
						return;
					}
				}
				Thread.sleep(5);
			}
			throw new IllegalStateException("The first job never took Flyway's lock");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
