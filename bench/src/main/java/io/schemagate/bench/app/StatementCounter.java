package io.schemagate.bench.app;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the statements sent through a {@link DataSource}: every query, update and batch
 * entry the application or a library sends through JDBC.
 */
public final class StatementCounter implements QueryExecutionListener {

	private final AtomicLong count = new AtomicLong();

	/**
	 * Wrap a data source so that its statements are counted here.
	 * @param dataSource the data source
	 * @return the counting data source
	 */
	public DataSource wrap(DataSource dataSource) {
		return ProxyDataSourceBuilder.create(dataSource).listener(this).build();
	}

	/**
	 * Statements counted so far.
	 * @return the count
	 */
	public long count() {
		return this.count.get();
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		this.count.addAndGet(queries.size());
	}

}
