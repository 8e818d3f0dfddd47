package io.schemagate.internal.lock;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A database session that holds Flyway's lock or the migrate queue's, with what the
 * database tells of it: the role reading it may see only the session's id.
 *
 * @param session the session's id on the database (PostgreSQL's {@code pid}, MariaDB's
 * connection id)
 * @param user the session's user, if the database shows it
 * @param client the session's client (application name or host), if shown
 * @param since since when it holds the lock (PostgreSQL: its transaction's start;
 * MariaDB: its last statement's), if shown
 * @param flyway whether the lock is Flyway's own, else the migrate queue's
 */
public record LockHolder(String session, @Nullable String user, @Nullable String client, @Nullable Instant since,
		boolean flyway) {

	/**
	 * Describe the holder for a report, without SQL.
	 * @param now the time now
	 * @return for example {@code session 4711 (user 'ddl', from 10.0.0.7), for 2m5s}
	 */
	public String describe(Instant now) {
		StringBuilder description = new StringBuilder("session ").append(this.session);
		if (this.user != null || this.client != null) {
			description.append(" (");
			if (this.user != null) {
				description.append("user '").append(this.user).append('\'');
			}
			if (this.client != null) {
				description.append((this.user != null) ? ", " : "").append("from '").append(this.client).append('\'');
			}
			description.append(')');
		}
		if (this.since != null) {
			description.append(", for ").append(format(Duration.between(this.since, now)));
		}
		return description.toString();
	}

	private static String format(Duration duration) {
		Duration positive = duration.isNegative() ? Duration.ZERO : duration;
		long minutes = positive.toMinutes();
		long seconds = positive.toSecondsPart();
		return (minutes > 0) ? minutes + "m" + seconds + "s" : seconds + "s";
	}

}
