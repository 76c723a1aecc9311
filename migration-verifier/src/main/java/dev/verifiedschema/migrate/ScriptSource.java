package dev.verifiedschema.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@code .sql} files of a location, written as Flyway writes locations:
 * {@code classpath:db/migration} (directories and jars) or {@code filesystem:/path/to/dir}; a bare
 * path means the file system.
 */
final class ScriptSource {
    /** One file found: its name, where it was found (for messages) and its text. */
    record Found(String fileName, String path, String text) {
    }

    private ScriptSource() {
    }

    static boolean isClasspath(String location) {
        return location.startsWith("classpath:");
    }

    /** The resource directory of a {@code classpath:} location: {@code classpath:/db/migration/} is {@code db/migration}. */
    static String classpathDir(String location) {
        return location.substring("classpath:".length()).replaceFirst("^/", "").replaceFirst("/$", "");
    }

    static List<Found> scan(String location) {
        return scan(location, List.of(".sql"));
    }

    /** The files of a location whose names end with one of the suffixes (ignoring case, as Flyway does). */
    static List<Found> scan(String location, List<String> suffixes) {
        java.util.function.Predicate<String> wanted = name -> suffixes.stream().anyMatch(
                suffix -> name.toUpperCase(java.util.Locale.ROOT).endsWith(suffix.toUpperCase(java.util.Locale.ROOT)));
        List<Found> found = new ArrayList<>();
        if (isClasspath(location)) {
            String dir = classpathDir(location);
            try {
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                Enumeration<URL> urls = (loader != null ? loader : ScriptSource.class.getClassLoader()).getResources(dir);
                // a resource on two classpath entries (a module's classes and its jar) is one script, as
                // for Flyway and the class loader: the first entry's copy
                Set<String> seen = new HashSet<>();
                List<Found> all = new ArrayList<>();
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    if ("jar".equals(url.getProtocol())) {
                        scanJar(url, dir, wanted, all);
                    } else {
                        scanDirectory(Path.of(url.toURI()), "classpath:" + dir, wanted, all);
                    }
                }
                all.stream().filter(f -> seen.add(f.path())).forEach(found::add);
            } catch (IOException | URISyntaxException e) {
                throw new MigrationSetException(location, List.of("the location cannot be read: " + e.getMessage()));
            }
        } else {
            Path dir = Path.of(location.replaceFirst("^filesystem:", ""));
            if (!Files.isDirectory(dir)) {
                throw new MigrationSetException(location, List.of("the directory " + dir.toAbsolutePath().normalize()
                        + " does not exist; check the path (relative paths start at " + Path.of("").toAbsolutePath() + ")"));
            }
            scanDirectory(dir, dir.toString(), wanted, found);
        }
        return found;
    }

    private static void scanDirectory(Path dir, String shownAs, java.util.function.Predicate<String> wanted,
                                      List<Found> found) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> wanted.test(f.getFileName().toString()) && Files.isRegularFile(f)).sorted().toList()) {
                String relative = dir.relativize(file).toString();
                found.add(new Found(file.getFileName().toString(), shownAs + "/" + relative,
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the scripts in " + shownAs, e);
        }
    }

    private static void scanJar(URL url, String dir, java.util.function.Predicate<String> wanted, List<Found> found)
            throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(dir + "/")
                    && wanted.test(e.getName().substring(e.getName().lastIndexOf('/') + 1)) && !e.isDirectory()).sorted(
                    java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                try (var in = jar.getInputStream(entry)) {
                    found.add(new Found(name, "classpath:" + entry.getName(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
    }
}
