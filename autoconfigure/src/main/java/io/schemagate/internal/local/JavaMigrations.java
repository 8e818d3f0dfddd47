package io.schemagate.internal.local;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.jspecify.annotations.Nullable;

import io.schemagate.internal.Messages;

/**
 * Java migrations as Flyway resolves them: every concrete {@link JavaMigration} class in
 * a classpath location, whatever its name and nested ones included, that can be created
 * with its no-argument constructor (others are skipped with a warning, as Flyway skips
 * them), and the ones given to Flyway. Each is described by Flyway's own
 * {@link JavaMigration#getResolvedMigration}, so a custom version, checksum or type is
 * seen as Flyway sees it.
 */
final class JavaMigrations {

	private static final Log logger = LogFactory.getLog(JavaMigrations.class);

	private final Configuration configuration;

	JavaMigrations(Configuration configuration) {
		this.configuration = configuration;
	}

	/**
	 * The migrations given to Flyway ({@code JavaMigration} beans, in Boot).
	 * @return the migrations
	 */
	List<LocalMigration> configured() {
		List<LocalMigration> migrations = new ArrayList<>();
		for (JavaMigration migration : this.configuration.getJavaMigrations()) {
			migrations.add(describe(migration));
		}
		return migrations;
	}

	/**
	 * The migration a class file of a classpath location holds, if any.
	 * @param file the class file
	 * @return the migration, or {@code null}
	 */
	@Nullable LocalMigration of(ScannedFile file) {
		String className = file.path().substring(0, file.path().length() - ".class".length()).replace('/', '.');
		try {
			Class<?> type = this.configuration.getClassLoader().loadClass(className);
			if (!JavaMigration.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers()) || type.isEnum()
					|| type.isAnonymousClass()) {
				return null;
			}
			return describe((JavaMigration) type.getDeclaredConstructor().newInstance());
		}
		catch (Throwable ex) {
			logger.warn("Skipping " + className + ", as Flyway does: " + Messages.describe(ex));
			return null;
		}
	}

	private LocalMigration describe(JavaMigration migration) {
		ResolvedMigration resolved = migration.getResolvedMigration(this.configuration, null);
		return new LocalMigration(resolved.getVersion(), resolved.getDescription(), resolved.getType().toString(),
				resolved.getScript(), resolved.getChecksum(), null);
	}

}
