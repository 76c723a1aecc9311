package dev.verifiedschema.migrate;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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
    /**
     * One file found: its name, where it was found (for messages) and its text as Flyway reads it;
     * {@code unreadable} says where its first byte that is no character in the encoding is, else {@code null}.
     */
    record Found(String fileName, String path, String text, String unreadable) {
        /** Reads the bytes once, strictly; only when a byte is no character are they read again as Flyway does. */
        Found(String fileName, String path, byte[] bytes, Charset charset) {
            this(fileName, path, read(path, bytes, charset));
        }

        private Found(String fileName, String path, String[] textAndProblem) {
            this(fileName, path, textAndProblem[0], textAndProblem[1]);
        }
    }


    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The text and {@code null}; or, when a byte is no character, the text as Flyway reads it (such
     * bytes become U+FFFD, and Flyway's checksum is of that text) and where the byte is and what to do.
     */
    private static String[] read(String path, byte[] bytes, Charset charset) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = strict(charset).decode(in, out, true);
        if (!result.isError()) {
            return new String[] {out.flip().toString(), null};
        }
        int at = in.position();
        String before = new String(bytes, 0, at, charset);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = before.length() - before.lastIndexOf('\n');
        return new String[] {new String(bytes, charset), path + ":" + line + ":" + column + " is not " + charset.name()
                + " text (byte 0x" + String.format("%02X", bytes[at] & 0xFF) + " is no character there); save the file as "
                + charset.name() + (charset.equals(StandardCharsets.UTF_8) ? ", or, when the whole set is written in "
                + "another encoding, set flyway.encoding to it (Flyway reads scripts as UTF-8 by default)" : "")};
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

    /** The encoding Flyway reads the set's scripts in: {@code flyway.encoding}, else UTF-8. */
    static Charset charset(FlywaySettings settings) {
        String name = settings.properties().get("flyway.encoding");
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalArgumentException e) {
            throw new MigrationSetException("flyway.encoding", List.of("flyway.encoding is '" + name + "', which is "
                    + "not an encoding Java knows; write UTF-8, ISO-8859-1, windows-1252 or another standard name"));
        }
    }

    /**
     * The files of a location whose names end with one of the suffixes (ignoring case, as Flyway
     * does), read in the encoding given.
     */
    static List<Found> scan(String location, List<String> suffixes, Charset charset) {
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
                        scanJar(url, dir, wanted, all, charset);
                    } else {
                        scanDirectory(Path.of(url.toURI()), "classpath:" + dir, wanted, all, charset);
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
            scanDirectory(dir, dir.toString(), wanted, found, charset);
        }
        return found;
    }

    private static void scanDirectory(Path dir, String shownAs, java.util.function.Predicate<String> wanted,
                                      List<Found> found, Charset charset) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> wanted.test(f.getFileName().toString()) && Files.isRegularFile(f)).sorted().toList()) {
                String relative = dir.relativize(file).toString();
                found.add(new Found(file.getFileName().toString(), shownAs + "/" + relative, Files.readAllBytes(file),
                        charset));
            }
        } catch (IOException e) {
            throw new MigrationSetException(shownAs, List.of("the scripts in " + shownAs + " cannot be read (" + e
                    + "); check that the directory and its files are readable"));
        }
    }

    private static void scanJar(URL url, String dir, java.util.function.Predicate<String> wanted, List<Found> found,
                                Charset charset) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(dir + "/")
                    && wanted.test(e.getName().substring(e.getName().lastIndexOf('/') + 1)) && !e.isDirectory()).sorted(
                    java.util.Comparator.comparing(JarEntry::getName)).toList()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                try (var in = jar.getInputStream(entry)) {
                    found.add(new Found(name, "classpath:" + entry.getName(), in.readAllBytes(), charset));
                }
            }
        }
    }
}
