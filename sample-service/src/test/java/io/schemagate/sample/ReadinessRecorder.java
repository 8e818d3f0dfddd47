package io.schemagate.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes the readiness of services every 200 ms in the background, as Kubernetes does,
 * and keeps every answer that was not 200.
 */
final class ReadinessRecorder implements AutoCloseable {

	private static final long INTERVAL_MILLIS = 200;

	private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor();

	private final List<String> notReady = new CopyOnWriteArrayList<>();

	private final AtomicInteger count = new AtomicInteger();

	ReadinessRecorder(List<ServiceClient> services) {
		this.probes.scheduleAtFixedRate(() -> services.forEach(this::probe), 0, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
	}

	private void probe(ServiceClient service) {
		try {
			int status = service.readiness();
			if (status != 200) {
				this.notReady.add(service + ": " + status);
			}
		}
		catch (RuntimeException ex) {
			this.notReady.add(service + ": " + ex.getMessage());
		}
		this.count.incrementAndGet();
	}

	/**
	 * The probes so far.
	 * @return how many answers were received
	 */
	int probes() {
		return this.count.get();
	}

	/**
	 * The answers that were not 200.
	 * @return one line per such answer
	 */
	List<String> notReady() {
		return List.copyOf(this.notReady);
	}

	@Override
	public void close() {
		this.probes.shutdownNow();
	}

}
