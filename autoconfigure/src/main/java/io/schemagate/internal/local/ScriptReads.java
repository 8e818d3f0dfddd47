package io.schemagate.internal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs the reads of many scripts side by side on the common pool: reading and
 * checksumming the scripts is most of a startup check, and each script is read on its
 * own. The results and the failure reported are those of reading them one after another:
 * in order, the first failure in order.
 */
final class ScriptReads {

	/**
	 * Below this many scripts, reading them one after another is as quick.
	 */
	private static final int SIDE_BY_SIDE_FROM = 64;

	private ScriptReads() {
	}

	static <T> List<@Nullable T> inOrder(List<Supplier<@Nullable T>> reads) {
		if (reads.size() < SIDE_BY_SIDE_FROM || Runtime.getRuntime().availableProcessors() < 2) {
			List<@Nullable T> results = new ArrayList<>(reads.size());
			reads.forEach((read) -> results.add(read.get()));
			return results;
		}
		List<Outcome<T>> outcomes = reads.parallelStream().map(Outcome::of).toList();
		List<@Nullable T> results = new ArrayList<>(outcomes.size());
		for (Outcome<T> outcome : outcomes) {
			if (outcome.failure() != null) {
				throw outcome.failure();
			}
			results.add(outcome.value());
		}
		return results;
	}

	private record Outcome<T>(@Nullable T value, @Nullable RuntimeException failure) {

		static <T> Outcome<T> of(Supplier<@Nullable T> read) {
			try {
				return new Outcome<>(read.get(), null);
			}
			catch (RuntimeException ex) {
				return new Outcome<>(null, ex);
			}
		}

	}

}
