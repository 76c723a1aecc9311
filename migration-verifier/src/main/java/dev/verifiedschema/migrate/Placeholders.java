package dev.verifiedschema.migrate;

import org.flywaydb.core.api.configuration.Configuration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flyway's placeholder replacement for the scripts the toolkit runs itself (undo scripts and fixtures),
 * with Flyway's rules: {@code ${key}} (prefix, suffix and separator from the settings), keys ignoring
 * case, the configured placeholders and Flyway's built-ins ({@code ${flyway:defaultSchema}},
 * {@code ${flyway:user}}, {@code ${flyway:database}}, {@code ${flyway:timestamp}},
 * {@code ${flyway:filename}}, {@code ${flyway:workingDirectory}}, {@code ${flyway:table}},
 * {@code ${flyway:environment}}), everywhere in the text (comments too), and none at all under
 * {@code placeholderReplacement=false}. Unlike Flyway, a missing key is named with its line and column.
 */
final class Placeholders {
    /** A placeholder without a value: the key and where it is. */
    static final class Missing extends Exception {
        final String key;
        final int line;
        final int column;

        Missing(String key, int line, int column) {
            super(null, null, false, false);
            this.key = key;
            this.line = line;
            this.column = column;
        }
    }

    /** Text after replacement, and how to find an offset of it in the original text. */
    record Replaced(String text, List<int[]> spans) {
        /** The offset in the original text of an offset in the replaced one. */
        int original(int offset) {
            int shift = 0;
            for (int[] span : spans) { // {replacedStart, replacedEnd, originalStart, originalEnd}
                if (offset < span[0]) {
                    break;
                }
                if (offset < span[1]) {
                    return span[2];
                }
                shift = span[3] - span[1];
            }
            return offset + shift;
        }
    }

    private final boolean enabled;
    private final String prefix;
    private final String suffix;
    private final Map<String, String> values;

    private Placeholders(boolean enabled, String prefix, String suffix, Map<String, String> values) {
        this.enabled = enabled;
        this.prefix = prefix;
        this.suffix = suffix;
        this.values = values;
    }

    /** The placeholders for a script run on a connection in a schema (built-ins read only when the script uses them). */
    static Placeholders of(MigrationScript script, Connection connection, String schema) throws SQLException {
        Configuration configuration = script.settings().configuration();
        Map<String, String> values = new HashMap<>();
        configuration.getPlaceholders().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
        String prefix = configuration.getPlaceholderPrefix();
        String builtIn = "flyway" + configuration.getPlaceholderSeparator();
        if (script.sql().contains(prefix + builtIn)) {
            values.put((builtIn + "defaultSchema").toLowerCase(Locale.ROOT), schema);
            values.put((builtIn + "filename").toLowerCase(Locale.ROOT), script.fileName());
            values.put((builtIn + "timestamp").toLowerCase(Locale.ROOT),
                    new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()));
            values.put((builtIn + "workingDirectory").toLowerCase(Locale.ROOT), System.getProperty("user.dir"));
            values.put((builtIn + "table").toLowerCase(Locale.ROOT), configuration.getTable());
            values.put((builtIn + "environment").toLowerCase(Locale.ROOT), configuration.getCurrentEnvironmentName());
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT current_user, current_database()")) {
                rs.next();
                values.put((builtIn + "user").toLowerCase(Locale.ROOT), rs.getString(1));
                values.put((builtIn + "database").toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return new Placeholders(configuration.isPlaceholderReplacement(), prefix, configuration.getPlaceholderSuffix(),
                values);
    }

    /** Checks the whole script as Flyway's reader does: every placeholder in it must have a value. */
    void check(String script) throws Missing {
        replace(script, 0, script);
    }

    /**
     * Replaces the placeholders of a part of a script.
     *
     * @param text   the part
     * @param offset where it starts in the script (for the line and column of a missing key)
     * @param script the whole script
     */
    Replaced replace(String text, int offset, String script) throws Missing {
        if (!enabled || !text.contains(prefix)) {
            return new Replaced(text, List.of());
        }
        StringBuilder out = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (true) {
            int start = text.indexOf(prefix, i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf(suffix, start + prefix.length());
            if (end < 0) {
                // Flyway's reader takes the rest of the script as the key
                end = text.length();
            }
            String key = text.substring(start + prefix.length(), end);
            String value = values.get(key.toLowerCase(Locale.ROOT));
            if (value == null) {
                int[] at = lineAndColumn(script, offset + start);
                throw new Missing(key, at[0], at[1]);
            }
            out.append(text, i, start);
            int originalEnd = Math.min(end + suffix.length(), text.length());
            spans.add(new int[]{out.length(), out.length() + value.length(), start, originalEnd});
            out.append(value);
            i = originalEnd;
        }
        return new Replaced(out.toString(), spans);
    }

    /** The start of {@link #noValue}'s message, by which a failure is known to be a missing placeholder. */
    static final String NO_VALUE = "no value for the placeholder ";

    /**
     * The message for a placeholder without a value ({@code written} as the script writes it, {@code ${key}}),
     * with each of the places a team gives Flyway settings.
     */
    static String noValue(String written, String key) {
        return NO_VALUE + written + "; give it a value: flyway.placeholders." + key + " in the Flyway configuration, "
                + "spring.flyway.placeholders." + key + " in a Spring Boot application's, verifiedschema.flyway.placeholders."
                + key + " for @VerifiedSchema, or --placeholder " + key + "=VALUE on the command line";
    }

    /** The 1-based line and column of an offset in a text. */
    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, offset - lineStart + 1};
    }
}
