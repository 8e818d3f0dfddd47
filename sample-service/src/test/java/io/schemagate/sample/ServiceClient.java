package io.schemagate.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP to one running sample service, as a kubelet's probes and a client see it: the
 * health groups, the {@code schema} contributor's details, and the API.
 */
final class ServiceClient {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** Absent details (no applied version on an empty database) read as {@code null}. */
	private static final Configuration JSON = Configuration.defaultConfiguration()
		.addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

	private final String name;

	private final int port;

	ServiceClient(String name, int port) {
		this.name = name;
		this.port = port;
	}

	String name() {
		return this.name;
	}

	int readiness() {
		return get("/actuator/health/readiness").status();
	}

	int liveness() {
		return get("/actuator/health/liveness").status();
	}

	/**
	 * The {@code schema} contributor's last check.
	 * @return its details
	 */
	SchemaDetails schema() {
		Response response = get("/actuator/health/schema");
		return new SchemaDetails(response.json("$.details.state"), response.json("$.details.appliedVersion"),
				response.<Integer>json("$.details.aheadBy"), Instant.parse(response.json("$.details.checkedAt")));
	}

	/**
	 * Wait until readiness answers with a status, as a readiness probe would poll it.
	 * @param status the HTTP status, 200 (ready) or 503 (not ready)
	 * @param timeout how long to wait
	 */
	void awaitReadiness(int status, Duration timeout) {
		await(this.name + " readiness " + status).atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(readiness()).as(this.name + " readiness").isEqualTo(status));
	}

	/**
	 * Wait for the first schema check that started after an instant, and return it.
	 * @param instant the instant, e.g. when a migration job ended
	 * @param timeout how long to wait
	 * @return the details of that check
	 */
	SchemaDetails awaitCheckAfter(Instant instant, Duration timeout) {
		return await(this.name + " schema check after " + instant).atMost(timeout)
			.pollInterval(Duration.ofMillis(200))
			.until(this::schema, (details) -> details.checkedAt().isAfter(instant));
	}

	Response get(String path) {
		return send(request(path).GET().build());
	}

	Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		// a health or REST request answers in milliseconds; 10 s only ends a hung one
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
	}

	private Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(this.name + ": " + request.method() + " " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String toString() {
		return this.name + " on port " + this.port;
	}

	/**
	 * An HTTP response.
	 *
	 * @param status the status code
	 * @param body the body
	 */
	record Response(int status, String body) {

		<T> T json(String path) {
			return JsonPath.using(JSON).parse(this.body).read(path);
		}

	}

	/**
	 * The details of {@code /actuator/health/schema} that a rollout watches.
	 *
	 * @param state the state, e.g. {@code AHEAD}
	 * @param appliedVersion the newest applied version, {@code null} on an empty database
	 * @param aheadBy how many applied migrations the service does not know
	 * @param checkedAt when the check ran
	 */
	record SchemaDetails(String state, String appliedVersion, int aheadBy, Instant checkedAt) {

	}

}
