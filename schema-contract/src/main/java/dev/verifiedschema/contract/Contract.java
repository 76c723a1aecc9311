package dev.verifiedschema.contract;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A reviewed statement of what an application needs from a PostgreSQL schema: the tables and
 * columns it uses, and, as precisely as the team wants, their types, nullability, defaults, keys
 * and indexes. Load one from YAML with {@link ContractLoader}; see {@code docs/contract.md} for the
 * format.
 *
 * @param schema the schema the contract describes, {@code public} by default
 * @param owned  globs of table names the application owns: an existing table that matches one and
 *               is not declared is a violation
 * @param tables the declared tables by name, in the order the contract lists them
 * @param source where the contract came from (a file path or {@code classpath:...}), for messages
 * @param designLint the contract's {@code designLint:} settings, or {@code null} when it has none (the
 *               design lint then does not run unless a setting turns it on: {@link DesignLintSettings#of})
 */
public record Contract(String schema, List<String> owned, Map<String, TableContract> tables, String source,
                       DesignLintSettings designLint) {
    /** A contract without {@code designLint:} settings. */
    public Contract(String schema, List<String> owned, Map<String, TableContract> tables, String source) {
        this(schema, owned, tables, source, null);
    }

    public Contract {
        schema = schema == null ? "public" : schema;
        owned = List.copyOf(owned);
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        source = source == null ? "<contract>" : source;
    }

    /** Loads a contract file; shorthand for {@link ContractLoader#load(Path)}. */
    public static Contract load(Path file) {
        return ContractLoader.load(file);
    }

    /** Whether a table of this name is claimed by one of the {@link #owned()} globs. */
    public boolean owns(String tableName) {
        return owned.stream().anyMatch(glob -> globPattern(glob).matcher(tableName).matches());
    }

    /** Turns a glob ({@code *} any run of characters, {@code ?} one character) into a pattern. */
    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
