package io.schemagate.internal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Reads side by side give what reads in order give.
 */
class ScriptReadsTests {

	@Test
	void manyReadsGiveTheirResultsInOrder() {
		List<Supplier<Integer>> reads = new ArrayList<>();
		IntStream.range(0, 1000).forEach((i) -> reads.add(() -> i));
		assertThat(ScriptReads.inOrder(reads)).containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
	}

	@Test
	void theFirstFailureInOrderIsReported() {
		List<Supplier<Integer>> reads = new ArrayList<>();
		IntStream.range(0, 1000).forEach((i) -> reads.add(() -> {
			if (i == 300 || i == 700) {
				throw new IllegalStateException("script " + i);
			}
			return i;
		}));
		assertThatIllegalStateException().isThrownBy(() -> ScriptReads.inOrder(reads)).withMessage("script 300");
	}

	@Test
	void fewReadsRunInOrderOnTheCallersThread() {
		Thread caller = Thread.currentThread();
		List<Supplier<Thread>> reads = new ArrayList<>();
		IntStream.range(0, 10).forEach((i) -> reads.add(Thread::currentThread));
		assertThat(ScriptReads.inOrder(reads)).containsOnly(caller);
	}

}
