package io.schemagate.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measurements of one thing, in milliseconds, with the statistics the tables show.
 */
final class Samples {

	private final List<Double> values = new ArrayList<>();

	void add(double millis) {
		this.values.add(millis);
	}

	void addNanos(long nanos) {
		add(nanos / 1_000_000.0);
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	int size() {
		return this.values.size();
	}

	double median() {
		return percentile(50);
	}

	double max() {
		return percentile(100);
	}

	/**
	 * The nearest-rank percentile.
	 * @param percent from 0 to 100
	 * @return the value
	 */
	double percentile(double percent) {
		if (this.values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

}
