package io.schemagate.internal.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.lock.LockHolder;
import io.schemagate.internal.lock.MigrationLocks;

/**
 * Tells, in one statement, whether a migrate job holds Flyway's lock (or the migrate
 * queue's) right now, and since when: the database tells a role with the right to see
 * other sessions; otherwise it is since this probe first saw the same session hold it. A
 * probe that cannot tell says no.
 */
final class MigrationProbe {

	private static final Log logger = LogFactory.getLog(MigrationProbe.class);

	private final @Nullable String schema;

	private final String table;

	private volatile @Nullable Locks locks;

	private volatile @Nullable Seen seen;

	MigrationProbe(@Nullable String schema, String table) {
		this.schema = schema;
		this.table = table;
	}

	/**
	 * Since when a migrate job holds the lock.
	 * @param connection the check's connection
	 * @param now the check's time
	 * @return since when, or {@code null} when no job holds it or the database cannot
	 * tell
	 */
	@Nullable Instant runningSince(Connection connection, Instant now) {
		try {
			MigrationLocks locks = locks(connection);
			List<LockHolder> holders = (locks != null) ? locks.holders(connection) : List.of();
			if (holders.isEmpty()) {
				this.seen = null;
				return null;
			}
			LockHolder holder = holders.get(0);
			if (holder.since() != null) {
				// a database that tells seconds may put it after the check began
				return holder.since().isAfter(now) ? now : holder.since();
			}
			Seen seen = this.seen;
			if (seen == null || !seen.session().equals(holder.session())) {
				seen = new Seen(holder.session(), now);
				this.seen = seen;
			}
			return seen.since();
		}
		catch (SQLException ex) {
			logger.debug("Unable to tell whether a migration is running", ex);
			return null;
		}
	}

	/**
	 * The locks, found once: without a configured schema they follow the connection's
	 * current one.
	 */
	private @Nullable MigrationLocks locks(Connection connection) throws SQLException {
		Locks locks = this.locks;
		if (locks == null) {
			locks = new Locks(MigrationLocks.of(connection, this.schema, this.table));
			this.locks = locks;
		}
		return locks.locks();
	}

	private record Locks(@Nullable MigrationLocks locks) {

	}

	private record Seen(String session, Instant since) {

	}

}
