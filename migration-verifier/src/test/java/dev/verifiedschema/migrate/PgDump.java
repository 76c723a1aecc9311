package dev.verifiedschema.migrate;

import dev.verifiedschema.snapshot.SchemaSnapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code pg_dump --schema-only} as an oracle independent of the toolkit's catalog SQL, and the
 * normalisation that makes two dumps of equal schemas equal text.
 *
 * <p>The dump leaves out ownership, privileges and comments ({@code --no-owner --no-privileges
 * --no-comments}) and Flyway's history table; {@link #normalise} then keeps the objects of the one
 * schema the stairway compares (and the extensions installed in it), drops pg_dump's own comments,
 * meta-commands and session settings, folds whitespace, sorts the columns of every table (column order is not compared)
 * and sorts the objects. What each of these leaves out is a deliberate choice of the snapshot,
 * written in docs/stairway.md ("What a snapshot compares").
 */
final class PgDump {
    /** The header pg_dump writes above every object. */
    private static final Pattern HEADER = Pattern.compile(
            "(?m)^-- (?:Data for )?Name: ([^;]*); Type: ([^;]*); Schema: ([^;]*); Owner: .*$");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private final Path binary;
    private final int major;

    private PgDump(Path binary, int major) {
        this.binary = binary;
        this.major = major;
    }

    /**
     * The newest pg_dump of the machine: {@code /usr/lib/postgresql/<major>/bin/pg_dump} (called directly,
     * not through Debian's wrapper), else the first on the {@code PATH}.
     *
     * @throws IllegalStateException when there is none, saying what to install
     */
    static PgDump find() throws IOException, InterruptedException {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> majors = Files.list(debian)) {
                majors.filter(d -> d.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparingInt((Path d) -> Integer.parseInt(d.getFileName().toString())).reversed())
                        .map(d -> d.resolve("bin/pg_dump")).filter(Files::isExecutable).forEach(candidates::add);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, "pg_dump");
            if (Files.isExecutable(p)) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("PgDumpOracleTest needs pg_dump, the independent oracle of the stairway's "
                    + "verdicts, and found none in /usr/lib/postgresql/*/bin or on the PATH; install the PostgreSQL "
                    + "client (Debian: apt-get install postgresql-client), as README's build requirements say");
        }
        Path binary = candidates.get(0);
        String version = run(List.of(binary.toString(), "--version"));
        Matcher m = VERSION.matcher(version);
        if (!m.find()) {
            throw new IllegalStateException(binary + " --version printed \"" + version.strip()
                    + "\", which names no PostgreSQL major version");
        }
        return new PgDump(binary, Integer.parseInt(m.group(1)));
    }

    /** The PostgreSQL major version of this pg_dump (it refuses servers of a newer one). */
    int major() {
        return major;
    }

    Path binary() {
        return binary;
    }

    /** The schema of a database as pg_dump prints it, without owners, privileges, comments or Flyway's table. */
    String dump(int port, String user, String database) throws IOException, InterruptedException {
        return run(List.of(binary.toString(), "--schema-only", "--no-owner", "--no-privileges", "--no-comments",
                "--exclude-table=" + SchemaSnapshot.FLYWAY_HISTORY_TABLE, "-h", "localhost", "-p", Integer.toString(port),
                "-U", user, "-d", database));
    }

    /**
     * The objects of a dump that belong to {@code schema} (and the extensions installed in it), each
     * as one normalised text, sorted: two dumps of schemas the stairway must call equal give equal lists.
     */
    static List<String> normalise(String dump, String schema) {
        List<String> objects = new ArrayList<>();
        Matcher m = HEADER.matcher(dump);
        List<int[]> starts = new ArrayList<>();
        List<String[]> headers = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[]{m.start(), m.end()});
            headers.add(new String[]{m.group(1), m.group(2), m.group(3)});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : dump.length();
            String type = headers.get(i)[1];
            String body = body(dump.substring(starts.get(i)[1], end));
            boolean ours = headers.get(i)[2].equals(schema)
                    || type.equals("EXTENSION") && body.contains(" WITH SCHEMA " + schema + ";");
            if (ours && !body.isEmpty()) {
                objects.add(type + ": " + (type.equals("TABLE") ? sortColumns(body) : body).replaceAll("\\s+", " "));
            }
        }
        objects.sort(null);
        return objects;
    }

    /** An object's SQL without pg_dump's comment lines, psql meta-commands, session settings and blank lines. */
    private static String body(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            // pg_dump's session settings (SET default_tablespace = '' ...) land in whichever object comes first
            if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("\\")
                    || trimmed.matches("SET [a-z_]+ = .*;")) {
                continue;
            }
            out.append(trimmed).append('\n');
        }
        return out.toString().strip();
    }

    /**
     * A {@code CREATE TABLE} with the lines between its parentheses (columns and inline constraints)
     * sorted and without their separating commas: a snapshot does not compare column order.
     */
    private static String sortColumns(String body) {
        int open = body.indexOf("(\n");
        int close = body.indexOf("\n)");
        if (!body.startsWith("CREATE TABLE ") || open < 0 || close < open) {
            return body;
        }
        List<String> lines = new ArrayList<>();
        for (String line : body.substring(open + 2, close).split("\n")) {
            lines.add(line.endsWith(",") ? line.substring(0, line.length() - 1) : line);
        }
        lines.sort(null);
        return body.substring(0, open + 2) + String.join("\n", lines) + body.substring(close);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): "
                    + text.strip());
        }
        return text;
    }
}
