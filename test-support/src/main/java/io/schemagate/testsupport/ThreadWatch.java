package io.schemagate.testsupport;

import java.util.List;
import java.util.Set;

/**
 * Watches for threads that a test starts and leaves behind, by name prefix, ignoring
 * every thread that was alive when the watch began: other tests' pools, the JIT, the
 * garbage collector or a driver's housekeeping cannot disturb it.
 *
 * <pre class="code">
 * ThreadWatch watch = ThreadWatch.start("schemagate-");
 * // ... the code under test ...
 * await().until(() -> watch.newThreads().isEmpty());
 * </pre>
 *
 * @author Schemagate
 */
public final class ThreadWatch {

	private final String prefix;

	private final Set<Thread> before;

	private ThreadWatch(String prefix) {
		this.prefix = prefix;
		this.before = Set.copyOf(live());
	}

	/**
	 * Start watching threads whose names start with a prefix.
	 * @param prefix the name prefix, e.g. {@code schemagate-}
	 * @return the watch
	 */
	public static ThreadWatch start(String prefix) {
		return new ThreadWatch(prefix);
	}

	/**
	 * The names of the live threads with the prefix that were not alive when the watch
	 * began.
	 * @return the names, in no particular order
	 */
	public List<String> newThreads() {
		return live().stream().filter((thread) -> !this.before.contains(thread)).map(Thread::getName).toList();
	}

	private List<Thread> live() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith(this.prefix))
			.toList();
	}

}
