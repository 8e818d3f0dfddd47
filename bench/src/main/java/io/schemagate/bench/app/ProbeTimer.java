package io.schemagate.bench.app;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times readiness probes inside the service, from the servlet filter chain's start to its
 * end, so that the benchmark can tell the service's share of a probe's latency from the
 * load generator's and the network's.
 */
public final class ProbeTimer extends OncePerRequestFilter {

	private static final String READINESS = "/actuator/health/readiness";

	private long[] nanos = new long[1 << 16];

	private int count;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!READINESS.equals(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			record(System.nanoTime() - started);
		}
	}

	/**
	 * The probes timed since the last reset, and start again.
	 * @return count, p50, p99 and max in milliseconds
	 */
	public synchronized Map<String, Object> takeSummary() {
		long[] sorted = Arrays.copyOf(this.nanos, this.count);
		Arrays.sort(sorted);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("count", sorted.length);
		summary.put("p50", millis(sorted, 0.50));
		summary.put("p99", millis(sorted, 0.99));
		summary.put("max", millis(sorted, 1.0));
		this.count = 0;
		return summary;
	}

	private synchronized void record(long elapsed) {
		if (this.count == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.count * 2);
		}
		this.nanos[this.count++] = elapsed;
	}

	private static double millis(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(quantile * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1_000_000.0;
	}

}
