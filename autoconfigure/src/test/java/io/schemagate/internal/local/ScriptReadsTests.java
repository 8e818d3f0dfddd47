package io.schemagate.internal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
	void manyReadsRunSideBySide() {
		assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one processor: reads run one after another");
		// the first and the last read each wait for the other: one after another, they
		// would wait out the latch's bound and fail
		CountDownLatch both = new CountDownLatch(2);
		List<Supplier<Boolean>> reads = new ArrayList<>();
		IntStream.range(0, 1000).forEach((i) -> reads.add(() -> (i == 0 || i == 999) ? meet(both) : true));
		assertThat(ScriptReads.inOrder(reads)).containsOnly(true);
	}

	private static boolean meet(CountDownLatch latch) {
		latch.countDown();
		try {
			// far more than the other read needs to start, on a loaded machine too
			return latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Test
	void fewReadsRunInOrderOnTheCallersThread() {
		Thread caller = Thread.currentThread();
		List<Supplier<Thread>> reads = new ArrayList<>();
		IntStream.range(0, 10).forEach((i) -> reads.add(Thread::currentThread));
		assertThat(ScriptReads.inOrder(reads)).containsOnly(caller);
	}

}
