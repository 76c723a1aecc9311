package dev.verifiedschema.contract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL identifier rules: unquoted names fold to lower case, quoted names keep their case, and
 * any name written into SQL is quoted whenever it needs to be, so that no name can break out of
 * the statement it is written into.
 */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** Reserved words, and non-reserved words that cannot be a bare column or type name; quoted always. */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
            "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
            "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct",
            "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
            "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull",
            "join", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
            "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
            "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table",
            "tablesample", "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union",
            "unique", "user", "using", "values", "varchar", "variadic", "verbose", "when", "where", "window",
            "with");

    private Identifiers() {
    }

    /**
     * The name PostgreSQL stores for an identifier as written: {@code Users} becomes {@code users},
     * {@code "Users"} stays {@code Users} (a doubled quote inside stands for one quote).
     *
     * @throws IllegalArgumentException for an empty name or an unterminated quote
     */
    public static String fold(String written) {
        String s = written == null ? "" : written.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an identifier cannot be empty");
        }
        if (s.startsWith("\"")) {
            if (s.length() < 3 || !s.endsWith("\"")) {
                throw new IllegalArgumentException("the quoted identifier " + s + " has no closing quote");
            }
            String inner = s.substring(1, s.length() - 1);
            if (inner.replace("\"\"", "").contains("\"")) {
                throw new IllegalArgumentException("the quoted identifier " + s
                        + " contains a lone quote; write a quote inside a quoted name as \"\"");
            }
            return inner.replace("\"\"", "\"");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** Whether this stored name must be quoted to be written in SQL. */
    public static boolean needsQuoting(String name) {
        return !PLAIN.matcher(name).matches() || KEYWORDS.contains(name);
    }

    /**
     * The stored name as it must be written in SQL: bare when safe, otherwise quoted with quotes
     * doubled. A name holding a line break or another control character is written in PostgreSQL's
     * Unicode-escape form ({@code U&"x\000ADROP TABLE t"}), so no name can end the line it stands on:
     * not a statement, and not the {@code --} comment a destructive suggestion is written in.
     */
    public static String quote(String name) {
        if (!needsQuoting(name)) {
            return name;
        }
        if (name.chars().noneMatch(Identifiers::isControl)) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
        StringBuilder escaped = new StringBuilder("U&\"");
        name.codePoints().forEach(cp -> {
            if (cp == '"') {
                escaped.append("\"\"");
            } else if (cp == '\\') {
                escaped.append("\\\\");
            } else if (isControl(cp)) {
                escaped.append(String.format("\\%04X", cp));
            } else {
                escaped.appendCodePoint(cp);
            }
        });
        return escaped.append('"').toString();
    }

    private static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL || codePoint == 0x2028 || codePoint == 0x2029;
    }

    /** A string literal for SQL, with single quotes doubled. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
