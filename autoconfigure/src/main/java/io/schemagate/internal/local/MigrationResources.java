package io.schemagate.internal.local;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Lists the files under a Flyway location. Folders on disk, a {@code filesystem:}
 * location or a classpath location in exploded classes (as in a layered image or a test
 * run), are walked directly, several times faster than a pattern search; a classpath
 * location inside an archive is searched with Spring's resolver.
 */
final class MigrationResources {

	private final ClassLoader classLoader;

	private final PathMatchingResourcePatternResolver resolver;

	MigrationResources(ClassLoader classLoader) {
		this.classLoader = classLoader;
		this.resolver = new PathMatchingResourcePatternResolver(classLoader);
	}

	/**
	 * List the readable files under a location that match its path pattern, if it has
	 * one; a path found in two classpath entries is listed once, as Flyway sees it.
	 * @param location the location
	 * @return the files, by their path starting with the location's root path (in a
	 * classpath location, a class file's path names its class)
	 * @throws IOException when the location cannot be read
	 */
	Map<String, Resource> list(Location location) throws IOException {
		if (!location.isClassPath() && !location.isFileSystem()) {
			throw new IllegalStateException("Unsupported Flyway location '" + location.getDescriptor() + "'");
		}
		Map<String, Resource> found = new LinkedHashMap<>();
		List<Path> folders = folders(location);
		if (folders != null) {
			for (Path folder : folders) {
				walk(location, folder, found);
			}
		}
		else {
			for (Resource resource : this.resolver.getResources("classpath*:" + location.getRootPath() + "/**/*")) {
				add(location, pathFromRoot(location, resource), resource, found);
			}
		}
		return found;
	}

	/**
	 * The path of a resource from its location's root, as Flyway matches it.
	 */
	private static String pathFromRoot(Location location, Resource resource) throws IOException {
		String url = resource.getURL().toString();
		int start = url.lastIndexOf(location.getRootPath() + "/");
		return (start >= 0) ? url.substring(start) : url;
	}

	/**
	 * The folders on disk that hold a location, or {@code null} when some of it is in an
	 * archive or it is the classpath's root, which the class loader does not list fully.
	 */
	private @Nullable List<Path> folders(Location location) throws IOException {
		if (location.isFileSystem()) {
			return List.of(Path.of(location.getRootPath()));
		}
		if (location.getRootPath().isEmpty()) {
			return null;
		}
		List<Path> folders = new ArrayList<>();
		Enumeration<URL> roots = this.classLoader.getResources(location.getRootPath());
		while (roots.hasMoreElements()) {
			URL root = roots.nextElement();
			if (!"file".equals(root.getProtocol())) {
				return null;
			}
			try {
				folders.add(Path.of(root.toURI()));
			}
			catch (URISyntaxException ex) {
				return null;
			}
		}
		return folders;
	}

	private void walk(Location location, Path folder, Map<String, Resource> found) throws IOException {
		if (!Files.isDirectory(folder)) {
			return;
		}
		// links are followed, as Spring's resolver does
		try (Stream<Path> files = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
			Iterator<Path> iterator = files.filter(Files::isRegularFile).iterator();
			while (iterator.hasNext()) {
				Path file = iterator.next();
				String relative = folder.relativize(file).toString().replace(File.separatorChar, '/');
				add(location, location.getRootPath() + "/" + relative, new FileSystemResource(file), found);
			}
		}
	}

	private static void add(Location location, String path, Resource resource, Map<String, Resource> found) {
		boolean matches = location.getPathRegex() == null || location.matchesPath(path);
		if (matches && resource.isReadable()) {
			found.putIfAbsent(path, resource);
		}
	}

}
