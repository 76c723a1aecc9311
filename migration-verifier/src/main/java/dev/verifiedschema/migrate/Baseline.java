package dev.verifiedschema.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team accepted when it adopted the stairway on an existing migration set: a run
 * with a baseline reports them but fails only on findings that are not in it, and names the entries
 * that no longer occur, so new migrations are held to the full standard from the first day. The file
 * is JSON, one entry per finding (version, step, kind, object), written by {@link #write}.
 */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One accepted finding, as stable from run to run as the finding's kind and objects are.
     *
     * @param version the version, or {@code null} for a finding of no version (the full downgrade)
     * @param step    the step, e.g. {@code undo}
     * @param kind    the finding's kind, e.g. {@code undo-schema}
     * @param object  the objects concerned
     */
    public record Entry(String version, String step, String kind, String object) {
        static Entry of(Finding finding) {
            return new Entry(finding.version(), finding.step(), finding.kind(), finding.object());
        }

        /** {@code V13 undo undo-schema: index orders_status_idx}. */
        public String describe() {
            return (version == null ? "" : "V" + version + " ") + step + " " + kind + (object.isEmpty() ? "" : ": " + object);
        }
    }

    private final String source;
    private final Set<Entry> entries;

    private Baseline(String source, Set<Entry> entries) {
        this.source = source;
        this.entries = entries;
    }

    /**
     * Reads a baseline file.
     *
     * @throws MigrationSetException naming the file, and the line and column of a malformed entry
     */
    public static Baseline load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MigrationSetException("with the baseline " + file, List.of("the baseline file "
                    + file.toAbsolutePath().normalize() + " does not exist; write one with --write-baseline (or "
                    + "the configuration parameter verifiedschema.writeBaseline) first"));
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationSetException("with the baseline " + file, List.of("the baseline file cannot be read: "
                    + e.getMessage()));
        }
    }

    /**
     * Reads a baseline from {@code classpath:path/to/baseline.json} or a file path.
     *
     * @throws MigrationSetException naming the location, and the line and column of a malformed entry
     */
    public static Baseline load(String location) {
        if (!location.startsWith("classpath:")) {
            return load(Path.of(location));
        }
        String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (var in = (loader != null ? loader : Baseline.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationSetException("with the baseline " + location, List.of("there is no resource "
                        + resource + " on the classpath; check the name, or write the baseline first"));
            }
            return parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationSetException("with the baseline " + location, List.of("the baseline cannot be read: "
                    + e.getMessage()));
        }
    }

    private static Baseline parse(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MigrationSetException("with the baseline " + source, List.of(source + ":"
                    + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": not a baseline (malformed "
                    + "JSON: " + e.getOriginalMessage() + "); write it anew with --write-baseline"));
        }
        JsonNode findings = root == null ? null : root.get("findings");
        if (findings == null || !findings.isArray()) {
            throw new MigrationSetException("with the baseline " + source, List.of(source + ": a baseline is an "
                    + "object with an array \"findings\"; write it anew with --write-baseline"));
        }
        Set<Entry> entries = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode e = findings.get(i);
            String step = text(e, "step");
            String kind = text(e, "kind");
            if (step == null || kind == null) {
                problems.add(source + ": entry " + (i + 1) + " of \"findings\" needs \"step\" and \"kind\" (found "
                        + e + ")");
                continue;
            }
            String object = text(e, "object");
            entries.add(new Entry(text(e, "version"), step, kind, object == null ? "" : object));
        }
        if (!problems.isEmpty()) {
            throw new MigrationSetException("with the baseline " + source, problems);
        }
        return new Baseline(source, entries);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Writes every finding of the report (accepted or not) as a baseline. */
    public static void write(Path file, StairwayReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("about", "verified-schema baseline of " + report.migrations() + ": findings accepted when the "
                + "stairway was adopted. A run with this baseline reports them and fails only on new ones. Remove an "
                + "entry once its step is fixed.");
        ArrayNode findings = root.putArray("findings");
        new LinkedHashSet<>(report.findings().stream().filter(Baseline::acceptable)
                .map(Entry::of).toList()).forEach(e -> findings.add(JSON.valueToTree(e)));
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MigrationSetException("with the baseline " + file, List.of("the baseline cannot be written: " + e.getMessage()));
        }
    }

    /**
     * The finding, accepted when it is in this baseline. A failure of the database or of a forward
     * migration is never accepted: the run could not go on after it; nor are versions Flyway did not apply,
     * nor a design lint that could not run, nor documentation that could not be written, nor a cross-check that found the toolkit at fault.
     */
    Finding apply(Finding finding) {
        return finding.fails() && acceptable(finding) && entries.contains(Entry.of(finding))
                ? finding.accept("in baseline " + source) : finding;
    }

    /** Whether a baseline may accept a finding of this kind (it is written only for those). */
    static boolean acceptable(Finding finding) {
        return !Finding.DATABASE.equals(finding.kind()) && !Finding.FORWARD_FAILED.equals(finding.kind())
                && !Finding.NOT_APPLIED.equals(finding.kind()) && !Finding.DESIGN_LINT_FAILED.equals(finding.kind())
                && !Finding.SCHEMA_DOCS_FAILED.equals(finding.kind()) && !Finding.CROSS_CHECK_FAILED.equals(finding.kind());
    }

    /** The entries none of these findings matches. */
    List<Entry> gone(List<Finding> findings) {
        Set<Entry> found = new LinkedHashSet<>(findings.stream().map(Entry::of).toList());
        return entries.stream().filter(e -> !found.contains(e)).toList();
    }

    /** The source and every entry, one per line: equal texts are equal baselines (a cache key). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("baseline ").append(source);
        entries.forEach(e -> text.append('\n').append(e.describe()));
        return text.toString();
    }

    /** Where the baseline came from. */
    public String source() {
        return source;
    }
}
