package io.schemagate.autoconfigure;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The Hikari pool behind a data source. Callers check {@link #PRESENT} first and call
 * {@link #unwrap} from a class of their own that is loaded only then, so that nothing
 * else needs Hikari's classes.
 */
final class HikariPools {

	/** Whether Hikari is on the classpath. */
	static final boolean PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			HikariPools.class.getClassLoader());

	private HikariPools() {
	}

	/**
	 * The Hikari pool a data source is or wraps.
	 * @param dataSource the data source
	 * @return the pool, {@code null} when it is not a Hikari pool
	 */
	static @Nullable HikariDataSource unwrap(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				return dataSource.unwrap(HikariDataSource.class);
			}
		}
		catch (SQLException ex) {
			// not a Hikari pool after all
		}
		return null;
	}

}
