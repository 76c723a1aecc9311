package dev.verifiedschema.contract;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises PostgreSQL type names to the spelling of PostgreSQL's own {@code format_type}, so a
 * contract may say {@code int8}, {@code timestamptz} or {@code varchar(255)} and still match the
 * catalog's {@code bigint}, {@code timestamp with time zone} and {@code character varying(255)}.
 * Unknown simple names are taken as user-defined types (enums, domains) and kept by name.
 */
public final class TypeNames {
    /** What a contract may write, for error messages. */
    public static final String ALLOWED = "a PostgreSQL type such as bigint, integer, smallint, boolean, text, "
            + "varchar(n), char(n), numeric(p,s), real, double precision, date, timestamp, timestamptz, time, "
            + "interval, jsonb, uuid, bytea, serial, bigserial, an array such as text[], or the name of an enum or "
            + "domain type";

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("int4", "integer"), Map.entry("int", "integer"), Map.entry("integer", "integer"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("varchar", "character varying"), Map.entry("character varying", "character varying"),
            Map.entry("char", "character(1)"), Map.entry("character", "character(1)"),
            Map.entry("bpchar", "bpchar"),
            Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamp without time zone", "timestamp without time zone"),
            Map.entry("timestamp with time zone", "timestamp with time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time", "time without time zone"),
            Map.entry("time without time zone", "time without time zone"),
            Map.entry("time with time zone", "time with time zone"),
            Map.entry("varbit", "bit varying"), Map.entry("bit varying", "bit varying"),
            Map.entry("bit", "bit(1)"));

    private static final Map<String, String> SERIALS = Map.of(
            "serial", "integer", "serial4", "integer", "bigserial", "bigint", "serial8", "bigint",
            "smallserial", "smallint", "serial2", "smallint");

    private static final Set<String> SIMPLE = Set.of(
            "text", "json", "jsonb", "uuid", "bytea", "date", "interval", "inet", "cidr", "macaddr", "macaddr8",
            "money", "xml", "tsvector", "tsquery", "oid", "name", "point", "line", "lseg", "box", "path",
            "polygon", "circle", "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
            "regclass", "pg_lsn", "txid_snapshot", "citext", "hstore");

    private static final Pattern WITH_ARGS = Pattern.compile(
            "([a-z][a-z0-9 ]*?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\)(\\s+with(?:out)? time zone)?");
    private static final Pattern USER_TYPE = Pattern.compile(
            "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(\\.(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?");

    private TypeNames() {
    }

    /**
     * The {@code format_type} spelling of a type as written in a contract.
     *
     * @throws IllegalArgumentException when the text is not a type name; the message says what is allowed
     */
    public static String normalise(String written) {
        String s = written == null ? "" : written.strip().replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the type is empty; expected " + ALLOWED);
        }
        StringBuilder arrays = new StringBuilder();
        while (s.endsWith("]")) {
            Matcher m = Pattern.compile("\\[\\s*\\d*\\s*]$").matcher(s);
            if (!m.find()) {
                throw unparsable(written);
            }
            arrays.append("[]");
            s = s.substring(0, m.start()).strip();
        }
        if (s.toLowerCase(Locale.ROOT).startsWith("array") && arrays.isEmpty()) {
            throw unparsable(written);
        }
        return base(s, written) + arrays;
    }

    /** Whether the contract wrote a serial pseudo-type ({@code serial}, {@code bigserial}, ...). */
    public static boolean isSerial(String written) {
        return written != null && SERIALS.containsKey(written.strip().toLowerCase(Locale.ROOT));
    }

    private static String base(String s, String written) {
        if (s.startsWith("\"")) {
            return userType(s, written);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (SERIALS.containsKey(lower)) {
            return SERIALS.get(lower);
        }
        if (ALIASES.containsKey(lower)) {
            return ALIASES.get(lower);
        }
        if (SIMPLE.contains(lower)) {
            return lower;
        }
        Matcher m = WITH_ARGS.matcher(lower);
        if (m.matches()) {
            return withArguments(m, written);
        }
        if (lower.contains("(")) {
            throw unparsable(written);
        }
        return userType(s, written);
    }

    private static String withArguments(Matcher m, String written) {
        String name = m.group(1).strip();
        String p = m.group(2);
        String scale = m.group(3);
        String zone = m.group(4) == null ? null : m.group(4).strip();
        switch (name) {
            case "numeric", "decimal" -> {
                return "numeric(" + p + (scale == null ? ",0" : "," + scale) + ")";
            }
            case "varchar", "character varying" -> {
                return single(name, scale, written, "character varying(" + p + ")");
            }
            case "char", "character", "bpchar" -> {
                return single(name, scale, written, "character(" + p + ")");
            }
            case "bit" -> {
                return single(name, scale, written, "bit(" + p + ")");
            }
            case "varbit", "bit varying" -> {
                return single(name, scale, written, "bit varying(" + p + ")");
            }
            case "float" -> {
                return single(name, scale, written, Integer.parseInt(p) <= 24 ? "real" : "double precision");
            }
            case "timestamp", "timestamptz", "time", "timetz" -> {
                if (scale != null) {
                    throw unparsable(written);
                }
                boolean withZone = name.endsWith("tz") ? zone == null || zone.equals("with time zone")
                        : "with time zone".equals(zone);
                if (name.endsWith("tz") && "without time zone".equals(zone)) {
                    throw unparsable(written);
                }
                String base = name.startsWith("timestamp") ? "timestamp" : "time";
                return base + "(" + p + ") " + (withZone ? "with time zone" : "without time zone");
            }
            default -> throw unparsable(written);
        }
    }

    private static String single(String name, String scale, String written, String result) {
        if (scale != null) {
            throw new IllegalArgumentException("the type '" + written + "' gives " + name
                    + " two arguments, but it takes one (a length)");
        }
        return result;
    }

    private static String userType(String s, String written) {
        Matcher m = USER_TYPE.matcher(s);
        if (!m.matches()) {
            throw unparsable(written);
        }
        String first = Identifiers.quote(Identifiers.fold(m.group(1)));
        return m.group(3) == null ? first : first + "." + Identifiers.quote(Identifiers.fold(m.group(3)));
    }

    private static IllegalArgumentException unparsable(String written) {
        return new IllegalArgumentException("'" + written + "' is not a type name; expected " + ALLOWED);
    }
}
