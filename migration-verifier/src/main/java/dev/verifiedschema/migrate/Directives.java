package dev.verifiedschema.migrate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a forward script's leading comments acknowledge about it, for sets adopted as they are:
 * {@code -- verified-schema: irreversible} (no undo is expected, even when undo scripts are required)
 * and {@code -- verified-schema: changes-data} (its undo/redo data check is reported, not failed).
 * Several directives may share a line, separated by commas. Only the comments before the first
 * statement count. The lint's {@code -- verified-schema:disable rule} comments share the prefix and
 * are left to it.
 */
final class Directives {
    /** The directives a script may give. */
    enum Kind {
        IRREVERSIBLE("irreversible"), CHANGES_DATA("changes-data");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("--\\s*verified-schema\\s*:(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MISSPELT = Pattern.compile("--\\s*verified[-_ ]?schema\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINT = Pattern.compile("\\s*disable\\s", Pattern.CASE_INSENSITIVE);
    private static final Directives NONE = new Directives(EnumSet.noneOf(Kind.class));

    private final Set<Kind> kinds;

    private Directives(Set<Kind> kinds) {
        this.kinds = kinds;
    }

    /** The directives of a forward script. */
    static Directives of(MigrationScript script) {
        List<String> problems = new ArrayList<>();
        Directives directives = parse(script, problems);
        if (!problems.isEmpty()) {
            throw new MigrationSetException(script.path(), problems);
        }
        return directives;
    }

    /** Every malformed directive of the set's forward scripts, one sentence each. */
    static List<String> problems(MigrationSet set) {
        List<String> problems = new ArrayList<>();
        set.forwards().forEach(f -> parse(f, problems));
        return problems;
    }

    private static Directives parse(MigrationScript script, List<String> problems) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        String[] lines = script.sql().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("--")) {
                break;
            }
            Matcher m = DIRECTIVE.matcher(line);
            if (!m.matches()) {
                if (MISSPELT.matcher(line).lookingAt()) {
                    problems.add(script.path() + ":" + (i + 1) + ":1: a directive is written "
                            + "-- verified-schema: irreversible (or changes-data), with a colon; found: " + line);
                }
                continue;
            }
            if (LINT.matcher(m.group(1)).lookingAt()) {
                continue; // -- verified-schema:disable rule, ...: the lint's, not the stairway's
            }
            for (String word : m.group(1).split(",")) {
                String w = word.strip().toLowerCase(Locale.ROOT);
                Kind kind = null;
                for (Kind k : Kind.values()) {
                    if (k.word.equals(w)) {
                        kind = k;
                    }
                }
                if (kind == null) {
                    problems.add(script.path() + ":" + (i + 1) + ":" + (lines[i].indexOf(word.strip()) + 1)
                            + ": unknown directive \"" + word.strip() + "\"; a forward script's leading comment may say "
                            + "-- verified-schema: irreversible, or -- verified-schema: changes-data");
                } else {
                    kinds.add(kind);
                }
            }
        }
        return kinds.isEmpty() ? NONE : new Directives(kinds);
    }

    boolean irreversible() {
        return kinds.contains(Kind.IRREVERSIBLE);
    }

    boolean changesData() {
        return kinds.contains(Kind.CHANGES_DATA);
    }
}
