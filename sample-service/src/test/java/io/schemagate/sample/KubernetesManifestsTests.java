package io.schemagate.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.convert.DurationStyle;

import io.schemagate.autoconfigure.SchemagateProperties;
import io.schemagate.migrate.MigrateExitCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's Kubernetes manifests agree with the contract and the code: modes, exit
 * codes, probe paths, credentials, the restricted Pod Security Standard, Secrets kept out
 * of the base, a Job per release and its ordering before the Deployment. Checks of what
 * kustomize renders are skipped without kubectl on the PATH.
 */
class KubernetesManifestsTests {

	private static final Path K8S = Path.of("k8s");

	private static final Path BASE = K8S.resolve("base");

	private static final Path SECRETS_EXAMPLE = K8S.resolve("secrets.example.yaml");

	private static final List<Map<String, Object>> resources = new ArrayList<>();

	@BeforeAll
	static void readManifests() throws IOException {
		resources.addAll(readKustomization(BASE));
	}

	@Test
	void configMapSelectsVerifyMode() {
		assertThat((Object) get(resource("ConfigMap", "bakery-config"), "data", "DB_MODE")).isEqualTo("verify");
	}

	@Test
	void jobRunsTheSameImageInMigrateModeWithTheMigratorRole() {
		Map<String, Object> job = container(resource("Job", "bakery-migrate"));
		Map<String, Object> service = container(resource("Deployment", "bakery"));
		assertThat(job.get("image")).isEqualTo(service.get("image"));
		assertThat(envFromConfigMaps(job)).containsExactly("bakery-config");
		// env wins over envFrom in Kubernetes: the ConfigMap's DB_MODE=verify is
		// overridden
		assertThat(env(job, "DB_MODE")).containsEntry("value", "migrate");
	}

	@Test
	void onlyFlywayInTheJobGetsTheMigratorRole() {
		Map<String, Object> job = container(resource("Job", "bakery-migrate"));
		// spring.flyway.user/password: Boot gives Flyway its own DataSource with the DDL
		// role
		assertThat(secretOf(job, "SPRING_FLYWAY_USER")).isEqualTo("bakery-migrator");
		assertThat(secretOf(job, "SPRING_FLYWAY_PASSWORD")).isEqualTo("bakery-migrator");
		// the application's own DataSource opens no connection in a job that exits
		assertThat(env(job, "SPRING_DATASOURCE_USERNAME")).isEmpty();
		assertThat(env(job, "SPRING_DATASOURCE_PASSWORD")).isEmpty();
		assertThat(secretsOf(job)).containsOnly("bakery-migrator");
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void renderedJobGetsNoRuntimeCredentials(Path kustomization) throws Exception {
		List<Map<String, Object>> rendered = render(kustomization);
		String runtimeSecret = secretOf(container(resource("Deployment", "bakery")), "SPRING_DATASOURCE_PASSWORD");
		for (Map<String, Object> job : ofKind(rendered, "Job")) {
			Map<String, Object> container = container(job);
			assertThat(secretsOf(container)).as(name(job))
				.containsOnly("bakery-migrator")
				.doesNotContain(runtimeSecret);
			List<Map<String, Object>> envFrom = get(container, "envFrom");
			assertThat(envFrom).as(name(job)).noneMatch((source) -> source.containsKey("secretRef"));
			List<Map<String, Object>> env = get(container, "env");
			assertThat(env).extracting((variable) -> variable.get("name"))
				.as(name(job))
				.doesNotContain("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
			for (String configMap : envFromConfigMaps(container)) {
				Map<String, Object> data = get(named(rendered, "ConfigMap", configMap), "data");
				assertThat(data.keySet()).as("ConfigMap %s", configMap)
					.noneMatch((key) -> key.endsWith("USERNAME") || key.endsWith("PASSWORD"));
			}
		}
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void jobIsNamedAfterItsRelease(Path kustomization) throws Exception {
		String baseName = get(resource("Job", "bakery-migrate"), "metadata", "name");
		for (Map<String, Object> job : ofKind(render(kustomization), "Job")) {
			String image = (String) container(job).get("image");
			String release = image.substring(image.lastIndexOf(':') + 1)
				.toLowerCase(Locale.ROOT)
				.replaceAll("[^a-z0-9-]", "-");
			assertThat((String) get(job, "metadata", "name")).isEqualTo(baseName + "-" + release)
				.hasSizeLessThanOrEqualTo(63)
				.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
		}
	}

	@Test
	void settingTheReleaseRenamesOnlyTheJob(@TempDir Path copy) throws Exception {
		try (Stream<Path> files = Files.walk(BASE)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(BASE.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
		// what the release's "kustomize edit set image" and "set namesuffix" write
		editKustomization(copy, (kustomization) -> kustomization.put("images",
				List.of(Map.of("name", "bakery", "newName", "registry.example.com/bakery", "newTag", "1.4.2"))));
		editKustomization(copy.resolve("migration"), (kustomization) -> kustomization.put("nameSuffix", "-1-4-2"));
		List<Map<String, Object>> before = render(BASE);
		List<Map<String, Object>> after = render(copy);

		Map<String, Object> job = ofKind(after, "Job").get(0);
		assertThat((Object) get(job, "metadata", "name")).isEqualTo("bakery-migrate-1-4-2");
		assertThat(workloads(after)).allSatisfy((workload) -> assertThat(container(workload).get("image"))
			.isEqualTo("registry.example.com/bakery:1.4.2"));
		assertThat(after).filteredOn((resource) -> !"Job".equals(resource.get("kind")))
			.extracting(KubernetesManifestsTests::name)
			.containsExactlyInAnyOrderElementsOf(before.stream()
				.filter((resource) -> !"Job".equals(resource.get("kind")))
				.map(KubernetesManifestsTests::name)
				.toList());
		// the references still resolve
		for (Map<String, Object> workload : workloads(after)) {
			for (String configMap : envFromConfigMaps(container(workload))) {
				assertThat(named(after, "ConfigMap", configMap)).as("%s reads ConfigMap %s", name(workload), configMap)
					.isNotNull();
			}
		}
		assertThat((Object) get(job, "spec", "podFailurePolicy", "rules", 0, "onExitCodes", "containerName"))
			.isEqualTo(container(job).get("name"));
		Map<String, Object> deployment = named(after, "Deployment", "bakery");
		Map<String, Object> podLabels = get(deployment, "spec", "template", "metadata", "labels");
		Map<String, Object> selector = get(deployment, "spec", "selector", "matchLabels");
		Map<String, Object> serviceSelector = get(named(after, "Service", "bakery"), "spec", "selector");
		assertThat(podLabels).containsAllEntriesOf(selector).containsAllEntriesOf(serviceSelector);
	}

	@Test
	void jobEndsInBoundedTimeAndLetsAMigrationFinish() {
		Map<String, Object> spec = get(resource("Job", "bakery-migrate"), "spec");
		int deadline = (Integer) spec.get("activeDeadlineSeconds");
		int gracePeriod = get(spec, "template", "spec", "terminationGracePeriodSeconds");
		assertThat((Integer) spec.get("ttlSecondsAfterFinished")).isPositive();
		// Kubernetes' default of 30 s is short for a migration that is to finish or roll
		// back after SIGTERM
		assertThat(gracePeriod).isGreaterThanOrEqualTo(60).isLessThan(deadline);
	}

	@Test
	void secretsAreNotPartOfTheBase() throws Exception {
		assertThat(resources).noneMatch((resource) -> "Secret".equals(resource.get("kind")));
		try (Stream<Path> files = Files.walk(K8S)) {
			for (Path kustomization : files.filter((file) -> file.endsWith("kustomization.yaml")).toList()) {
				List<String> listed = get(load(kustomization).get(0), "resources");
				assertThat(listed).as("resources of %s", kustomization)
					.noneMatch((resource) -> kustomization.getParent()
						.resolve(resource)
						.normalize()
						.equals(SECRETS_EXAMPLE.normalize()));
			}
		}
		for (Path kustomization : kustomizations()) {
			assertThat(render(kustomization)).as("%s rendered", kustomization)
				.noneMatch((resource) -> "Secret".equals(resource.get("kind")));
		}
	}

	@Test
	void secretsExampleHoldsEveryKeyTheWorkloadsRead() throws IOException {
		List<Map<String, Object>> secrets = load(SECRETS_EXAMPLE);
		for (Map<String, Object> workload : List.of(resource("Job", "bakery-migrate"),
				resource("Deployment", "bakery"))) {
			List<Map<String, Object>> env = get(container(workload), "env");
			env.stream()
				.<Map<String, Object>>map((variable) -> get(variable, "valueFrom", "secretKeyRef"))
				.filter(Objects::nonNull)
				.forEach((reference) -> assertThat(secrets).as("%s in %s", reference, SECRETS_EXAMPLE)
					.anyMatch((secret) -> reference.get("name").equals(get(secret, "metadata", "name"))
							&& ((Map<?, ?>) secret.get("stringData")).containsKey(reference.get("key"))));
		}
	}

	@Test
	void jobFailsAtOnceOnlyWhenAPersonMustAct() {
		Map<String, Object> spec = get(resource("Job", "bakery-migrate"), "spec");
		assertThat((Integer) spec.get("backoffLimit")).as("retries for exit code %d", MigrateExitCode.RETRYABLE.code())
			.isPositive();
		assertThat((Object) get(spec, "template", "spec", "restartPolicy")).isEqualTo("Never");
		List<Map<String, Object>> rules = get(spec, "podFailurePolicy", "rules");
		Map<String, Object> failJob = rules.stream()
			.filter((rule) -> "FailJob".equals(rule.get("action")))
			.findFirst()
			.orElseThrow();
		assertThat((Object) get(failJob, "onExitCodes", "operator")).isEqualTo("In");
		List<Integer> exitCodes = get(failJob, "onExitCodes", "values");
		assertThat(exitCodes).containsExactly(MigrateExitCode.NEEDS_ATTENTION.code());
		assertThat((Object) get(failJob, "onExitCodes", "containerName"))
			.isEqualTo(container(resource("Job", "bakery-migrate")).get("name"));
	}

	@Test
	void deploymentProbesMatchTheHealthGroups() throws IOException {
		Map<String, Object> service = container(resource("Deployment", "bakery"));
		assertThat((Object) get(service, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
		assertThat((Object) get(service, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		assertThat((Object) get(service, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
		int serverPort = serverPort();
		for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
			assertThat(containerPort(service, get(service, probe, "httpGet", "port"))).as(probe).isEqualTo(serverPort);
		}
		Map<String, Object> port = get(resource("Service", "bakery"), "spec", "ports", 0);
		assertThat(port).containsEntry("port", 80);
		assertThat(containerPort(service, port.get("targetPort"))).as("Service targetPort").isEqualTo(serverPort);
	}

	@Test
	void startupProbeOutlastsTheStartupPolicy() {
		Map<String, Object> service = container(resource("Deployment", "bakery"));
		Map<String, Object> probe = get(service, "startupProbe");
		Duration budget = Duration.ofSeconds((Integer) probe.getOrDefault("initialDelaySeconds", 0)
				+ (Integer) probe.get("periodSeconds") * (Integer) probe.get("failureThreshold"));
		// a JVM start on a loaded node, with the CPU limit
		assertThat(budget).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
		String onStartup = (String) env(service, "DB_VERIFY_ON_STARTUP").get("value");
		if ("wait".equals(onStartup)) {
			// nothing answers the probe until the schema is ready or the wait times out
			Object waitTimeout = env(service, "DB_VERIFY_WAIT_TIMEOUT").get("value");
			Duration wait = (waitTimeout != null) ? DurationStyle.detectAndParse(waitTimeout.toString())
					: new SchemagateProperties().getVerify().getWaitTimeout();
			assertThat(budget).as("startup probe budget with on-startup=wait").isGreaterThan(wait.plusMinutes(1));
		}
		else {
			assertThat(onStartup).isEqualTo("start-unready");
		}
	}

	@Test
	void clusterSeesHealthStatusesButNotDetailsOrMeters() throws IOException {
		Map<String, Object> data = get(resource("ConfigMap", "bakery-config"), "data");
		assertThat(data).containsEntry("MANAGEMENT_ENDPOINT_HEALTH_SHOW_DETAILS", "when-authorized")
			.containsEntry("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health");
		// local runs and the sample's tests read the details
		Map<String, Object> configuration = load(Path.of("src", "main", "resources", "application.yaml")).get(0);
		assertThat((Object) get(configuration, "management", "endpoint", "health", "show-details")).isEqualTo("always");
	}

	@Test
	void deploymentNeverGetsTheMigratorRole() {
		Map<String, Object> service = container(resource("Deployment", "bakery"));
		assertThat(secretsOf(service)).containsOnly("bakery-runtime");
		assertThat(envFromConfigMaps(service)).containsExactly("bakery-config");
		List<Map<String, Object>> envFrom = get(service, "envFrom");
		assertThat(envFrom).noneMatch((source) -> source.containsKey("secretRef"));
		assertThat(env(service, "DB_MODE")).isEmpty();
		assertThat(env(service, "SPRING_FLYWAY_USER")).isEmpty();
	}

	@Test
	void kustomizeRendersTheManifests() throws Exception {
		List<Map<String, Object>> rendered = render(BASE);
		assertThat(rendered).extracting((resource) -> resource.get("kind"))
			.containsExactlyInAnyOrder("Namespace", "ConfigMap", "Job", "Deployment", "Service");
		assertThat(rendered).filteredOn((resource) -> !"Namespace".equals(resource.get("kind")))
			.allMatch((resource) -> "bakery".equals(get(resource, "metadata", "namespace")));
	}

	@Test
	void namespaceEnforcesTheRestrictedProfile() {
		Map<String, Object> labels = get(resource("Namespace", "bakery"), "metadata", "labels");
		for (String mode : List.of("enforce", "warn", "audit")) {
			assertThat(labels).containsEntry("pod-security.kubernetes.io/" + mode, "restricted");
		}
	}

	@Test
	void everyPodOfTheBaseMeetsTheRestrictedProfile() {
		assertThat(workloads(resources)).hasSize(2).allSatisfy(KubernetesManifestsTests::assertRestricted);
	}

	@ParameterizedTest
	@MethodSource("kustomizations")
	void everyRenderedPodMeetsTheRestrictedProfile(Path kustomization) throws Exception {
		List<Map<String, Object>> workloads = workloads(render(kustomization));
		assertThat(workloads).extracting((workload) -> workload.get("kind")).contains("Job", "Deployment");
		assertThat(workloads).allSatisfy(KubernetesManifestsTests::assertRestricted);
	}

	@Test
	void imageRunsAsThePodsUser() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File("pom.xml"));
		String user = XPathFactory.newInstance()
			.newXPath()
			.evaluate("/project/build/plugins/plugin[artifactId='jib-maven-plugin']/configuration/container/user", pom);
		assertThat(user).as("Jib's <container><user>").matches("[1-9][0-9]*:[0-9]+");
		for (Map<String, Object> workload : workloads(resources)) {
			Map<String, Object> securityContext = get(workload, "spec", "template", "spec", "securityContext");
			assertThat(securityContext.get("runAsUser") + ":" + securityContext.get("runAsGroup"))
				.as("runAsUser:runAsGroup of %s", name(workload))
				.isEqualTo(user);
		}
	}

	@Test
	void argoCdRunsTheJobBeforeTheDeploymentAfterWhatTheJobReads() throws Exception {
		assertThat(kustomizations()).contains(K8S.resolve("overlays/argocd"));
		List<Map<String, Object>> rendered = render(K8S.resolve("overlays/argocd"));
		Map<String, Object> job = ofKind(rendered, "Job").get(0);
		Map<String, Object> annotations = get(job, "metadata", "annotations");
		// a hook in the Sync phase, so that it runs after the Namespace and ConfigMap
		// exist
		assertThat(annotations).containsEntry("argocd.argoproj.io/hook", "Sync")
			.containsEntry("argocd.argoproj.io/hook-delete-policy", "BeforeHookCreation");
		int jobWave = syncWave(job);
		for (Map<String, Object> resource : rendered) {
			String kind = (String) resource.get("kind");
			if ("Deployment".equals(kind)) {
				assertThat(syncWave(resource)).as(name(resource)).isGreaterThan(jobWave);
			}
			else if (!"Job".equals(kind)) {
				assertThat(syncWave(resource)).as(name(resource)).isLessThanOrEqualTo(jobWave);
			}
		}
	}

	@Test
	void pipelineCanApplyTheJobAndWhatItReadsBeforeTheService() throws Exception {
		// kubectl apply -k ... -l 'app.kubernetes.io/component!=service': a missing label
		// matches too
		List<Map<String, Object>> rendered = render(BASE);
		List<String> first = rendered.stream().filter((resource) -> {
			Map<String, Object> labels = get(resource, "metadata", "labels");
			return labels == null || !"service".equals(labels.get("app.kubernetes.io/component"));
		}).map((resource) -> (String) resource.get("kind")).toList();
		assertThat(first).containsExactlyInAnyOrder("Namespace", "ConfigMap", "Job");
	}

	private static int syncWave(Map<String, Object> resource) {
		Object wave = get(resource, "metadata", "annotations", "argocd.argoproj.io/sync-wave");
		return (wave != null) ? Integer.parseInt(wave.toString()) : 0;
	}

	static List<Path> kustomizations() throws IOException {
		List<Path> kustomizations = new ArrayList<>(List.of(BASE));
		Path overlays = K8S.resolve("overlays");
		if (Files.isDirectory(overlays)) {
			try (Stream<Path> directories = Files.list(overlays)) {
				directories.filter((directory) -> Files.exists(directory.resolve("kustomization.yaml")))
					.sorted()
					.forEach(kustomizations::add);
			}
		}
		return kustomizations;
	}

	/**
	 * The "restricted" Pod Security Standard, field by field, and what the contract adds:
	 * numeric users, a read-only root filesystem with {@code /tmp} writable, no
	 * service-account token, requests and limits.
	 */
	private static void assertRestricted(Map<String, Object> workload) {
		String name = name(workload);
		Map<String, Object> pod = get(workload, "spec", "template", "spec");
		assertThat(pod.get("automountServiceAccountToken")).as("%s automountServiceAccountToken", name)
			.isEqualTo(false);
		for (String hostNamespace : List.of("hostNetwork", "hostPID", "hostIPC")) {
			assertThat(pod.get(hostNamespace)).as("%s %s", name, hostNamespace).isNotEqualTo(true);
		}
		List<Map<String, Object>> volumes = Objects.requireNonNullElse(get(pod, "volumes"), List.of());
		for (Map<String, Object> volume : volumes) {
			assertThat(volume.keySet()).as("%s volume %s", name, volume.get("name"))
				.containsAnyOf("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
						"projected", "secret")
				.doesNotContain("hostPath");
		}
		Map<String, Object> podSecurity = get(pod, "securityContext");
		assertThat(podSecurity).as("%s pod securityContext", name).isNotNull();
		assertThat(podSecurity).as("%s pod securityContext", name)
			.containsEntry("runAsNonRoot", true)
			.doesNotContainKey("sysctls");
		for (String id : List.of("runAsUser", "runAsGroup")) {
			assertThat(podSecurity.get(id)).as("%s %s", name, id)
				.isInstanceOfSatisfying(Integer.class, (value) -> assertThat(value).isPositive());
		}
		assertThat((Object) get(podSecurity, "seccompProfile", "type")).as("%s seccompProfile", name)
			.isEqualTo("RuntimeDefault");
		List<Map<String, Object>> containers = new ArrayList<>(get(pod, "containers"));
		containers.addAll(Objects.requireNonNullElse(get(pod, "initContainers"), List.of()));
		for (Map<String, Object> container : containers) {
			String where = name + " container " + container.get("name");
			Map<String, Object> security = get(container, "securityContext");
			assertThat(security).as("%s securityContext", where).isNotNull();
			assertThat(security).as("%s securityContext", where)
				.containsEntry("allowPrivilegeEscalation", false)
				.containsEntry("readOnlyRootFilesystem", true)
				.doesNotContainEntry("privileged", true)
				.doesNotContainEntry("runAsNonRoot", false)
				.doesNotContainEntry("runAsUser", 0)
				.doesNotContainKey("seccompProfile");
			List<String> dropped = get(security, "capabilities", "drop");
			assertThat(dropped).as("%s capabilities.drop", where).contains("ALL");
			assertThat((Object) get(security, "capabilities", "add")).as("%s capabilities.add", where).isNull();
			List<Map<String, Object>> ports = Objects.requireNonNullElse(get(container, "ports"), List.of());
			assertThat(ports).as("%s ports", where).noneMatch((port) -> port.containsKey("hostPort"));
			for (String bound : List.of("requests", "limits")) {
				Map<String, Object> quantities = get(container, "resources", bound);
				assertThat(quantities).as("%s resources.%s", where, bound).containsKeys("cpu", "memory");
			}
			List<Map<String, Object>> mounts = Objects.requireNonNullElse(get(container, "volumeMounts"), List.of());
			Object tmp = mounts.stream()
				.filter((mount) -> "/tmp".equals(mount.get("mountPath")))
				.map((mount) -> mount.get("name"))
				.findFirst()
				.orElse(null);
			assertThat(volumes).as("%s: an emptyDir at /tmp, the only place the application writes", where)
				.anyMatch((volume) -> volume.get("name").equals(tmp) && volume.containsKey("emptyDir"));
		}
	}

	private static List<Map<String, Object>> ofKind(List<Map<String, Object>> documents, String kind) {
		return documents.stream().filter((document) -> kind.equals(document.get("kind"))).toList();
	}

	private static Map<String, Object> named(List<Map<String, Object>> documents, String kind, String name) {
		return ofKind(documents, kind).stream()
			.filter((document) -> name.equals(get(document, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name));
	}

	private static void editKustomization(Path directory, Consumer<Map<String, Object>> edit) throws IOException {
		Path file = directory.resolve("kustomization.yaml");
		Map<String, Object> kustomization = load(file).get(0);
		edit.accept(kustomization);
		Files.writeString(file, new Yaml().dump(kustomization));
	}

	private static List<Map<String, Object>> workloads(List<Map<String, Object>> documents) {
		return documents.stream().filter((document) -> get(document, "spec", "template", "spec") != null).toList();
	}

	private static String name(Map<String, Object> resource) {
		return resource.get("kind") + " " + get(resource, "metadata", "name");
	}

	/**
	 * The documents of a kustomization's resources as written, following resources that
	 * are kustomizations themselves; without kustomize's transformations.
	 */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> readKustomization(Path directory) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		Map<String, Object> kustomization = load(directory.resolve("kustomization.yaml")).get(0);
		for (String entry : (List<String>) kustomization.get("resources")) {
			Path resource = directory.resolve(entry);
			assertThat(resource).as("resource listed in %s", directory.resolve("kustomization.yaml")).exists();
			documents.addAll(Files.isDirectory(resource) ? readKustomization(resource) : load(resource));
		}
		return documents;
	}

	/**
	 * A kustomization as {@code kubectl kustomize} renders it; the test is skipped
	 * without kubectl.
	 */
	private static List<Map<String, Object>> render(Path kustomization) throws Exception {
		Path kubectl = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map((directory) -> Path.of(directory, "kubectl"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		assumeTrue(kubectl != null, "kubectl is not on the PATH");
		Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return loadAll(output);
	}

	private static Map<String, Object> resource(String kind, String name) {
		return resources.stream()
			.filter((resource) -> kind.equals(resource.get("kind")) && name.equals(get(resource, "metadata", "name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name));
	}

	private static Map<String, Object> container(Map<String, Object> workload) {
		List<Map<String, Object>> containers = get(workload, "spec", "template", "spec", "containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static Map<String, Object> env(Map<String, Object> container, String name) {
		List<Map<String, Object>> env = get(container, "env");
		return env.stream().filter((variable) -> name.equals(variable.get("name"))).findFirst().orElse(Map.of());
	}

	private static String secretOf(Map<String, Object> container, String variable) {
		return get(env(container, variable), "valueFrom", "secretKeyRef", "name");
	}

	private static List<String> envFromConfigMaps(Map<String, Object> container) {
		List<Map<String, Object>> envFrom = get(container, "envFrom");
		return envFrom.stream()
			.filter((source) -> source.containsKey("configMapRef"))
			.map((source) -> (String) get(source, "configMapRef", "name"))
			.toList();
	}

	/**
	 * The container port a probe or a Service refers to, by number or by name.
	 */
	private static int containerPort(Map<String, Object> container, Object port) {
		if (port instanceof Integer number) {
			return number;
		}
		List<Map<String, Object>> ports = get(container, "ports");
		return ports.stream()
			.filter((candidate) -> port.equals(candidate.get("name")))
			.map((candidate) -> (Integer) candidate.get("containerPort"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port " + port));
	}

	/**
	 * The port the sample serves on: {@code server.port} from its configuration, else
	 * Boot's default.
	 */
	private static int serverPort() throws IOException {
		Map<String, Object> configuration = load(Path.of("src", "main", "resources", "application.yaml")).get(0);
		Object port = get(configuration, "server", "port");
		return (port != null) ? Integer.parseInt(port.toString()) : 8080;
	}

	private static List<String> secretsOf(Map<String, Object> container) {
		List<Map<String, Object>> env = get(container, "env");
		return env.stream()
			.filter((variable) -> variable.containsKey("valueFrom"))
			.map((variable) -> (String) get(variable, "valueFrom", "secretKeyRef", "name"))
			.distinct()
			.toList();
	}

	/**
	 * A value by its path of map keys and list indexes, {@code null} when any step is
	 * missing.
	 */
	@SuppressWarnings("unchecked")
	private static <T> T get(Map<String, Object> map, Object... path) {
		Object value = map;
		for (Object step : path) {
			if (value == null) {
				return null;
			}
			value = (step instanceof Integer index) ? ((List<Object>) value).get(index)
					: ((Map<String, Object>) value).get(step);
		}
		return (T) value;
	}

	private static List<Map<String, Object>> load(Path file) throws IOException {
		return loadAll(Files.readString(file));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> loadAll(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		new Yaml().loadAll(yaml).forEach((document) -> documents.add((Map<String, Object>) document));
		return documents;
	}

}
