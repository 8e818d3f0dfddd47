package io.schemagate;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is public is what users touch, and what we must keep: the properties, the states
 * and statuses that health and meters show, the listeners, the exceptions a failure
 * report or a test meets, the targets type, and the auto-configurations with the types
 * they publish. Everything else is package-private or under
 * {@code io.schemagate.internal}. A type made public unnoticed, or an internal type that
 * leaks into a public signature, fails here.
 */
class PublicTypesTests {

	private static final Path CLASSES = Path.of("target/classes");

	private static final Set<String> API = Set.of("io.schemagate.SchemagateException",
			"io.schemagate.SchemagateTargets", "io.schemagate.autoconfigure.ModeDecider",
			"io.schemagate.autoconfigure.SchemaTargets", "io.schemagate.autoconfigure.SchemagateAutoConfiguration",
			"io.schemagate.autoconfigure.SchemagateFlywayMigrationStrategy",
			"io.schemagate.autoconfigure.SchemagateMigrateModeAutoConfiguration",
			"io.schemagate.autoconfigure.SchemagateProperties",
			"io.schemagate.autoconfigure.SchemagateProperties$Migrate",
			"io.schemagate.autoconfigure.SchemagateProperties$Mode",
			"io.schemagate.autoconfigure.SchemagateProperties$Verify",
			"io.schemagate.autoconfigure.health.SchemagateHealthAutoConfiguration",
			"io.schemagate.autoconfigure.metrics.SchemagateMetricsAutoConfiguration",
			"io.schemagate.health.SchemaHealthIndicator", "io.schemagate.metrics.SchemaMetrics",
			"io.schemagate.migrate.LintFailedException", "io.schemagate.migrate.LintMode",
			"io.schemagate.migrate.MigrateExitCode", "io.schemagate.migrate.MigrateModeUnavailableException",
			"io.schemagate.migrate.MigrationFailedException", "io.schemagate.migrate.MigrationListener",
			"io.schemagate.migrate.MigrationLockTimeoutException", "io.schemagate.migrate.MigrationOutcome",
			"io.schemagate.migrate.MigrationStoppedException", "io.schemagate.verify.BreakingMigration",
			"io.schemagate.verify.NoMigrationsFoundException", "io.schemagate.verify.NotVerifiableException",
			"io.schemagate.verify.SchemaCheckListener", "io.schemagate.verify.SchemaNotReadyException",
			"io.schemagate.verify.SchemaState", "io.schemagate.verify.SchemaStatus",
			"io.schemagate.verify.StartupPolicy");

	@Test
	void publicTypesOutsideTheInternalPackagesAreTheApi() throws IOException {
		assertThat(publicTypes().stream().filter((type) -> !isInternal(type.getName())).map(Class::getName))
			.containsExactlyInAnyOrderElementsOf(API);
	}

	@Test
	void noPublicSignatureOfTheApiNamesAnInternalType() throws IOException {
		List<String> leaks = new ArrayList<>();
		for (Class<?> type : publicTypes()) {
			if (isInternal(type.getName())) {
				continue;
			}
			for (Executable executable : executables(type)) {
				Stream
					.concat(Stream.of(executable.getGenericParameterTypes()),
							(executable instanceof Method method) ? Stream.of(method.getGenericReturnType())
									: Stream.of())
					.filter(PublicTypesTests::namesInternalType)
					.forEach((leak) -> leaks.add(type.getName() + "." + executable.getName() + ": " + leak));
			}
			for (Field field : type.getFields()) {
				if (namesInternalType(field.getGenericType())) {
					leaks.add(type.getName() + "." + field.getName());
				}
			}
		}
		assertThat(leaks).isEmpty();
	}

	private static List<Executable> executables(Class<?> type) {
		List<Executable> executables = new ArrayList<>();
		for (Constructor<?> constructor : type.getConstructors()) {
			executables.add(constructor);
		}
		for (Method method : type.getMethods()) {
			if (method.getDeclaringClass() == type) {
				executables.add(method);
			}
		}
		return executables;
	}

	private static boolean namesInternalType(Type type) {
		return type.getTypeName().contains("io.schemagate.internal.");
	}

	private static boolean isInternal(String name) {
		return name.startsWith("io.schemagate.internal.");
	}

	private static Set<Class<?>> publicTypes() throws IOException {
		Set<Class<?>> types = new TreeSet<>((first, second) -> first.getName().compareTo(second.getName()));
		try (Stream<Path> files = Files.walk(CLASSES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".class")).toList()) {
				String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				if (name.endsWith("package-info")) {
					continue;
				}
				Class<?> type = load(name);
				if (isPublic(type)) {
					types.add(type);
				}
			}
		}
		return types;
	}

	/**
	 * Public, and public all the way out for a nested type.
	 */
	private static boolean isPublic(Class<?> type) {
		for (Class<?> each = type; each != null; each = each.getDeclaringClass()) {
			if (!Modifier.isPublic(each.getModifiers()) || each.isAnonymousClass() || each.isSynthetic()) {
				return false;
			}
		}
		return true;
	}

	private static Class<?> load(String name) {
		try {
			return Class.forName(name, false, PublicTypesTests.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
