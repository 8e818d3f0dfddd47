package io.schemagate.internal.local;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.schemagate.verify.NotVerifiableException;

/**
 * Lists the files under Flyway's locations as Flyway's scanner finds them. Folders on
 * disk, in a {@code filesystem:} location or an exploded classpath, are walked following
 * links, skipping hidden folders but not hidden files: a Kubernetes ConfigMap mount
 * ({@code ..data} and a timestamped folder, the scripts themselves links into them) is
 * read once, each script under its link's name. Archives are listed from their index. A
 * location that is missing fails only with
 * {@code spring.flyway.fail-on-missing-locations}, as in Flyway.
 */
final class LocationScanner {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final ClassLoader classLoader;

	private final PathMatchingResourcePatternResolver resolver;

	private final boolean failOnMissingLocations;

	LocationScanner(Configuration configuration) {
		this.classLoader = configuration.getClassLoader();
		this.resolver = new PathMatchingResourcePatternResolver(this.classLoader);
		this.failOnMissingLocations = configuration.isFailOnMissingLocations();
	}

	/**
	 * Whether a location is on the classpath.
	 * @param location the location
	 * @return whether classes may be found in it
	 */
	static boolean isClassPath(Location location) {
		return CLASSPATH.equalsIgnoreCase(location.getPrefix());
	}

	/**
	 * List the files of a location that match its wildcards, if it has any.
	 * @param location the location
	 * @return the files; a path found in two classpath entries is listed twice
	 * @throws NotVerifiableException for a kind of location verify cannot read, or a
	 * missing one with {@code fail-on-missing-locations}
	 */
	List<ScannedFile> scan(Location location) {
		List<ScannedFile> found = new ArrayList<>();
		try {
			if (FILESYSTEM.equalsIgnoreCase(location.getPrefix())) {
				scanFileSystem(location, found);
			}
			else if (isClassPath(location)) {
				scanClassPath(location, found);
			}
			else {
				throw new NotVerifiableException(location.getDescriptor(),
						"verify reads only 'classpath:' and 'filesystem:' locations",
						"Package the migrations with the application or mount them as files.");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to scan Flyway location '" + location.getDescriptor() + "'", ex);
		}
		return found;
	}

	private void scanFileSystem(Location location, List<ScannedFile> found) {
		File root = new File(location.getRootPath());
		String problem = !root.exists() ? "not found"
				: !root.canRead() ? "not readable" : !root.isDirectory() ? "not a directory" : null;
		if (problem != null) {
			missing(location, "filesystem location " + root.getPath() + " (" + problem + ")");
			return;
		}
		walk(location, root, (file) -> file.getPath().replace(File.separatorChar, '/'), true, found);
	}

	private void scanClassPath(Location location, List<ScannedFile> found) throws IOException {
		String root = location.getRootPath();
		Enumeration<URL> urls = root.isEmpty() ? Collections.emptyEnumeration() : this.classLoader.getResources(root);
		boolean resolved = false;
		while (urls.hasMoreElements()) {
			URL url = urls.nextElement();
			resolved = true;
			File folder = folder(url);
			if (folder != null) {
				String folderPath = folder.getPath();
				walk(location, folder,
						(file) -> root + file.getPath().substring(folderPath.length()).replace(File.separatorChar, '/'),
						false, found);
			}
			else if (url.openConnection() instanceof JarURLConnection archive) {
				listArchive(location, root, url, archive, found);
			}
			else {
				for (Resource resource : this.resolver.getResources(url.toString().replaceAll("/*$", "/") + "**/*")) {
					add(location, pathFromRoot(root, resource), resource, null, false, false, found);
				}
			}
		}
		if (root.isEmpty()) {
			resolved = true;
			for (Resource resource : this.resolver.getResources("classpath*:**/*")) {
				add(location, pathFromRoot(root, resource), resource, null, false, false, found);
			}
		}
		if (!resolved) {
			missing(location, "location " + location.getDescriptor());
		}
	}

	/**
	 * List the archive's entries under the location once, as Flyway's scanner does, each
	 * one known to exist: in a Spring Boot jar ({@code BOOT-INF/classes}, a nested
	 * archive) this reads its index once, where a pattern resolver matches every entry
	 * and opens each match to see whether it is readable.
	 */
	private static void listArchive(Location location, String root, URL url, JarURLConnection archive,
			List<ScannedFile> found) throws IOException {
		String folder = archive.getEntryName();
		String prefix = (folder == null || folder.isEmpty()) ? "" : folder.replaceAll("/*$", "/");
		UrlResource folderResource = new UrlResource(url.toString().replaceAll("/*$", "/"));
		JarFile jar = archive.getJarFile();
		try {
			Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				JarEntry entry = entries.nextElement();
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix)) {
					// named from the classpath root, as Flyway names it (not from the
					// archive's,
					// as in a war's WEB-INF/classes)
					String relative = name.substring(prefix.length());
					add(location, root + "/" + relative, folderResource.createRelative(relative), null, false, true,
							found);
				}
			}
		}
		finally {
			if (!archive.getUseCaches()) {
				jar.close();
			}
		}
	}

	private static @Nullable File folder(URL url) {
		if (!"file".equals(url.getProtocol())) {
			return null;
		}
		try {
			File folder = new File(url.toURI());
			return folder.isDirectory() ? folder : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	/**
	 * The path of an archive entry from the location's root, as Flyway names it.
	 */
	private static String pathFromRoot(String root, Resource resource) throws IOException {
		String url = resource.getURL().toString();
		if (root.isEmpty()) {
			int separator = url.lastIndexOf("!/");
			return (separator >= 0) ? url.substring(separator + 2) : url;
		}
		int start = url.lastIndexOf(root + "/");
		return (start >= 0) ? url.substring(start) : url;
	}

	private void walk(Location location, File folder, Function<File, String> pathOf, boolean fileSystemLocation,
			List<ScannedFile> found) {
		File[] children = folder.listFiles();
		if (children == null) {
			missing(location, "folder " + folder.getPath() + " (unable to access folder)");
			return;
		}
		for (File child : children) {
			if (!child.canRead()) {
				continue;
			}
			if (child.isDirectory()) {
				// hidden folders are skipped, as Kubernetes' ConfigMap folders must be
				if (!child.isHidden()) {
					walk(location, child, pathOf, fileSystemLocation, found);
				}
			}
			else {
				add(location, pathOf.apply(child), new FileSystemResource(child), child, fileSystemLocation, true,
						found);
			}
		}
	}

	/**
	 * Add a file found under the location, if it matches the location's wildcards and,
	 * unless it was listed by its folder or archive, is readable.
	 */
	private static void add(Location location, String path, Resource resource, @Nullable File file,
			boolean fileSystemLocation, boolean listed, List<ScannedFile> found) {
		boolean matches = location.getPathRegex() == null || location.getPathRegex().matcher(path).matches();
		if (matches && (listed || resource.isReadable())) {
			String relative = location.getPathRelativeToThis(path).replace('\\', '/');
			found.add(new ScannedFile(path, relative, resource, file, fileSystemLocation));
		}
	}

	private void missing(Location location, String what) {
		if (this.failOnMissingLocations) {
			throw new NotVerifiableException(location.getDescriptor(),
					"Flyway fails to find the " + what + ", and 'spring.flyway.fail-on-missing-locations' is set",
					"Correct 'spring.flyway.locations', or unset 'spring.flyway.fail-on-missing-locations'.");
		}
	}

}
