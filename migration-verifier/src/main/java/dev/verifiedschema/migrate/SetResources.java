package dev.verifiedschema.migrate;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The set's scripts, as the toolkit already read them, given to Flyway as its resources: Flyway does not scan
 * the locations again on every step, and it never sees the undo scripts, which Flyway Community does not run
 * (the toolkit does) and would otherwise count as "SQL migrations detected but not run because they did not
 * follow the filename convention". Other files Flyway asks for by name (a script's {@code .conf}) are read from
 * the locations. Used only when the scripts are UTF-8, the encoding the toolkit reads them in; otherwise Flyway
 * reads them itself.
 */
final class SetResources implements ResourceProvider {
    private final MigrationSet set;
    private final List<Script> scripts;

    private SetResources(MigrationSet set) {
        this.set = set;
        this.scripts = Stream.of(set.forwards(), set.repeatables(), set.callbacks()).flatMap(List::stream)
                .map(script -> new Script(script, relativePath(set.locations(), script.path()))).toList();
    }

    /** The provider for a set, or empty when Flyway should read the scripts itself (another encoding). */
    static Optional<ResourceProvider> of(MigrationSet set) {
        String encoding = set.settings().properties().get("flyway.encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("UTF-8") && !encoding.strip().equalsIgnoreCase("UTF8")
                || "true".equalsIgnoreCase(set.settings().properties().getOrDefault("flyway.detectEncoding", "").strip())) {
            return Optional.empty();
        }
        return Optional.of(new SetResources(set));
    }

    @Override
    public LoadableResource getResource(String name) {
        String wanted = name.replace('\\', '/');
        for (Script script : scripts) {
            if (script.getRelativePath().equalsIgnoreCase(wanted)) {
                return script;
            }
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String location : set.locations()) {
            String where = Flyways.location(location);
            if (where.startsWith("classpath:")) {
                String dir = ScriptSource.classpathDir(where);
                URL url = (loader != null ? loader : SetResources.class.getClassLoader())
                        .getResource(dir.isEmpty() ? wanted : dir + "/" + wanted);
                if (url != null) {
                    return new OnDemand(wanted, where + "/" + wanted, url, null);
                }
            } else {
                Path file = Path.of(where.substring("filesystem:".length())).resolve(wanted);
                if (Files.isRegularFile(file)) {
                    return new OnDemand(wanted, file.toString(), null, file);
                }
            }
        }
        return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> found = new ArrayList<>();
        for (Script script : scripts) {
            String fileName = script.getFilename();
            if (fileName.startsWith(prefix) && endsWithAny(fileName, prefix, suffixes)) {
                found.add(script);
            }
        }
        return found;
    }

    /** Whether the name ends with a suffix and has something between it and the prefix, as Flyway's scanner asks. */
    private static boolean endsWithAny(String fileName, String prefix, String[] suffixes) {
        String upper = fileName.toUpperCase(Locale.ROOT);
        for (String suffix : suffixes) {
            if (upper.endsWith(suffix.toUpperCase(Locale.ROOT)) && fileName.length() > prefix.length() + suffix.length()) {
                return true;
            }
        }
        return false;
    }

    /** Where a script is below its location, as Flyway records it in the history's script column. */
    static String relativePath(List<String> locations, String path) {
        for (String location : locations) {
            String shown = location.startsWith("classpath:")
                    ? "classpath:" + ScriptSource.classpathDir(location)
                    : Path.of(location.replaceFirst("^filesystem:", "")).toString();
            if (path.startsWith(shown + "/")) {
                // Flyway records '/' whatever the platform's separator (ScriptSource's paths below a directory have it)
                return path.substring(shown.length() + 1).replace('\\', '/');
            }
        }
        String normal = path.replace('\\', '/');
        return normal.substring(normal.lastIndexOf('/') + 1);
    }

    /** A script of the set: its text is the one the toolkit read. */
    private static final class Script extends LoadableResource {
        private final MigrationScript script;
        private final String relativePath;

        Script(MigrationScript script, String relativePath) {
            this.script = script;
            this.relativePath = relativePath;
        }

        @Override
        public Reader read() {
            return new StringReader(script.sql());
        }

        @Override
        public String getAbsolutePath() {
            return script.path();
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return script.path();
        }

        @Override
        public String getFilename() {
            return script.fileName();
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }
    }

    /** Another file of a location (a script's {@code .conf}), read when Flyway asks. */
    private static final class OnDemand extends LoadableResource {
        private final String relativePath;
        private final String shownAs;
        private final URL url;
        private final Path file;

        OnDemand(String relativePath, String shownAs, URL url, Path file) {
            this.relativePath = relativePath;
            this.shownAs = shownAs;
            this.url = url;
            this.file = file;
        }

        @Override
        public Reader read() {
            try (InputStream in = file != null ? Files.newInputStream(file) : url.openStream()) {
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + shownAs, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return shownAs;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return file != null ? file.toAbsolutePath().toString() : shownAs;
        }

        @Override
        public String getFilename() {
            return relativePath.substring(relativePath.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return relativePath;
        }
    }
}
