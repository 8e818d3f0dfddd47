package io.schemagate.autoconfigure;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.schemagate.internal.check.SchemaVerifier;

/**
 * Starts the Hikari pools of the targets that have not started yet, each on a connect
 * thread of its own, before verify reads the scripts: the pool's first connection (the
 * driver's login) is then made while the scripts are read instead of after them. The
 * connection goes back to the pool at once, where the first check finds it. Other data
 * sources are left alone: without a pool an early connection would only be one more.
 */
final class PoolStarts {

	private static final Log logger = LogFactory.getLog(PoolStarts.class);

	private PoolStarts() {
	}

	/**
	 * Start each Hikari pool among the data sources that is neither running nor closed.
	 * Never throws: a pool that cannot start is the check's to report.
	 * @param dataSources the targets' data sources
	 */
	static void startUnstarted(List<DataSource> dataSources) {
		if (!HikariPools.PRESENT) {
			return;
		}
		dataSources.stream().distinct().filter(Hikari::isUnstarted).forEach(PoolStarts::start);
	}

	private static void start(DataSource pool) {
		SchemaVerifier.connectThread(() -> {
			try {
				pool.getConnection().close();
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("The pool did not start ahead of the schema check; the check opens it", ex);
			}
		}).start();
	}

	private static final class Hikari {

		static boolean isUnstarted(DataSource dataSource) {
			HikariDataSource pool = HikariPools.unwrap(dataSource);
			return pool != null && !pool.isRunning() && !pool.isClosed();
		}

	}

}
