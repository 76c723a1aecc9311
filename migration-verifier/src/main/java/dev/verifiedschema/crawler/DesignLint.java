package dev.verifiedschema.crawler;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.contract.DesignLintSettings.Severity;
import schemacrawler.crawl.SchemaCrawler;
import schemacrawler.inclusionrule.InclusionRule;
import schemacrawler.schema.Catalog;
import schemacrawler.schemacrawler.InfoLevel;
import schemacrawler.schemacrawler.InformationSchemaKey;
import schemacrawler.schemacrawler.InformationSchemaViews;
import schemacrawler.schemacrawler.InformationSchemaViewsBuilder;
import schemacrawler.schemacrawler.LimitOptionsBuilder;
import schemacrawler.schemacrawler.LoadOptionsBuilder;
import schemacrawler.schemacrawler.MetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptions;
import schemacrawler.schemacrawler.SchemaInfoMetadataRetrievalStrategy;
import schemacrawler.schemacrawler.SchemaCrawlerOptionsBuilder;
import schemacrawler.schemacrawler.SchemaInfoLevelBuilder;
import schemacrawler.schemacrawler.SchemaRetrievalOptionsBuilder;
import schemacrawler.tools.lint.Lint;
import schemacrawler.tools.lint.LintSeverity;
import schemacrawler.tools.lint.LinterRegistry;
import schemacrawler.tools.lint.Linters;
import schemacrawler.tools.lint.config.LinterConfig;
import schemacrawler.tools.lint.config.LinterConfigs;
import schemacrawler.tools.options.Config;
import us.fatehi.utility.datasource.DatabaseConnectionSources;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The design lint of a verified schema: SchemaCrawler reads the schema once through JDBC's own
 * metadata (pgjdbc's {@code DatabaseMetaData}; keys, indexes and foreign keys with one query each,
 * {@code crawler/*.sql}) and its linters look
 * for what makes a schema hard to live with: a foreign key without an index, a table without a
 * primary key, redundant indexes, and the other rules of {@link DesignLintSettings#RULES}
 * (docs/design-lint.md). The team's own SQL rules run as SchemaCrawler's table and catalog SQL
 * linters.
 *
 * <p>This package is the only one that imports SchemaCrawler, so nothing of it is loaded unless a
 * lint runs. The lint reads only: its connection is switched to read-only transactions (the team's
 * own queries included) before anything runs; the caller owns and closes it.
 */
public final class DesignLint {
    /** The rules by name, and SchemaCrawler's linter for each. */
    private static final Map<String, String> LINTERS = new LinkedHashMap<>();
    /** What to do about a finding of each rule. */
    private static final Map<String, String> ADVICE = new LinkedHashMap<>();
    private static final String TABLE_SQL = "schemacrawler.tools.linter.LinterTableSql";
    private static final String CATALOG_SQL = "schemacrawler.tools.linter.LinterCatalogSql";
    private static final String LINT_OF = "The design lint of schema ";
    static {
        rule("table-without-primary-key", "LinterTableWithNoPrimaryKey", "Give the table a primary key: without one a "
                + "row cannot be addressed for certain, and logical replication cannot carry its updates and deletes");
        rule("foreign-key-type-mismatch", "LinterForeignKeyMismatch", "Give the referencing columns the type of the "
                + "columns they reference: otherwise every join casts, and a value may fit one side and not the other");
        rule("self-referencing-foreign-key", "LinterForeignKeySelfReference", "Point the foreign key at the column it was "
                + "meant for (a parent_id, say): a column that references itself checks nothing");
        rule("foreign-key-without-index", "LinterForeignKeyWithNoIndexes", "Create an index on the foreign key's columns: "
                + "without one, every delete or key change of a referenced row scans this table");
        rule("nullable-column-in-unique-index", "LinterNullColumnsInIndex", "Make the columns NOT NULL, or make the "
                + "index NULLS NOT DISTINCT (PostgreSQL 15 and later): NULLs never collide, so rows with one escape it");
        rule("redundant-index", "LinterRedundantIndexes", "Drop the index whose columns begin another index of the table: "
                + "it costs every write and serves no lookup the other cannot");
        rule("table-cycle", "LinterTableCycles", "Break the cycle or make one of its foreign keys DEFERRABLE: rows of "
                + "tables that reference each other can only be inserted and deleted in a careful order");
        rule("quoted-name", "LinterTableWithQuotedNames", "Rename it: a name with spaces or an SQL reserved word must be "
                + "quoted in every query that uses it");
        rule("same-name-different-type", "LinterColumnTypes", "Give columns of one name one type, or different names: "
                + "joins on them cast, and values that fit one may not fit the other");
        rule("table-without-indexes", "LinterTableWithNoIndexes", "Give it a primary key or the index its lookups need: "
                + "every query on it reads the whole table");
        rule("all-columns-nullable", "LinterTableAllNullableColumns", "Mark the columns every row has NOT NULL: a table "
                + "whose columns may all be NULL says nothing about its rows");
        rule("single-column-table", "LinterTableWithSingleColumn", "Make sure a single column is meant (a list of codes, "
                + "say); otherwise give the table its columns");
        rule("numbered-columns", "LinterTableWithIncrementingColumns", "Move numbered columns (phone1, phone2, ...) to a "
                + "child table with one row each");
        rule("composite-primary-key", "LinterTableWithNoSurrogatePrimaryKey", "Consider a surrogate key (an identity "
                + "column) with a unique constraint on these columns");
        rule("primary-key-not-first", "LinterTableWithPrimaryKeyNotFirst", "Put the primary key's columns first when the "
                + "table is next rebuilt (PostgreSQL cannot move a column)");
        rule("no-remarks", "LinterTableWithNoRemarks", "Describe the table and its columns with COMMENT ON: schema "
                + "documentation and reviews read them");
        if (!LINTERS.keySet().equals(new java.util.LinkedHashSet<>(DesignLintSettings.RULES.stream()
                .map(DesignLintSettings.Rule::name).toList()))) {
            throw new IllegalStateException("the design lint's linters and DesignLintSettings.RULES disagree");
        }
    }

    private static void rule(String name, String linter, String advice) {
        LINTERS.put(name, "schemacrawler.tools.linter." + linter);
        ADVICE.put(name, advice);
    }

    private DesignLint() {
    }

    /**
     * Lints one schema.
     *
     * @param connection a connection to the database, which this switches to read-only transactions
     *                   and leaves open (give the lint a connection of its own)
     * @param schema     the schema, as stored in the catalog
     * @param settings   which rules, at which severity, which tables to leave alone, what fails
     * @return every finding, the most severe first; empty when the settings turn the lint off
     * @throws SchemaReadException when the schema cannot be read or a rule (a team's query, say) fails
     */
    public static List<DesignFinding> run(Connection connection, String schema, DesignLintSettings settings) {
        if (!settings.enabled()) {
            return List.of();
        }
        try (SchemaCrawlerLog failures = new SchemaCrawlerLog()) {
            readOnly(connection);
            if (!exists(connection, schema)) {
                return List.of(); // nothing to lint; the contract check says the schema is missing
            }
            Catalog catalog;
            try {
                catalog = crawl(connection, schema, settings);
            } catch (RuntimeException e) {
                throw new SchemaReadException("The design lint could not read schema " + schema + ": "
                        + rootMessage(e) + ". Debug logging of dev.verifiedschema.crawler shows SchemaCrawler's "
                        + "log; or turn the lint off (designLint: off).", e);
            }
            failures.throwIfAny(LINT_OF + schema, "reading the schema");
            List<DesignFinding> found = new ArrayList<>(builtIn(catalog, connection, schema, settings));
            failures.throwIfAny(LINT_OF + schema, "running the design lint's rules");
            for (DesignLintSettings.SqlRule rule : settings.sqlRules()) {
                found.addAll(teamRule(catalog, connection, rule, settings));
                failures.throwIfAny(LINT_OF + schema, "running designLint.sql rule " + rule.name()
                        + " (fix its query in the contract, or remove the rule)");
            }
            found.sort(Comparator.comparing(DesignFinding::severity).reversed()
                    .thenComparing(DesignFinding::rule).thenComparing(DesignFinding::object));
            return List.copyOf(found);
        } catch (SQLException e) {
            throw new SchemaReadException("The design lint of schema " + schema + " could not start: " + e.getMessage()
                    + ". Check the connection, or turn the lint off (designLint: off).", e);
        }
    }

    /** The findings of SchemaCrawler's own linters, at the settings' severities. */
    private static List<DesignFinding> builtIn(Catalog catalog, Connection connection, String schema,
                                               DesignLintSettings settings) {
        LinterConfigs configs = new LinterConfigs(new Config());
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (DesignLintSettings.Rule rule : DesignLintSettings.RULES) {
            Optional<Severity> severity = settings.severityOf(rule.name());
            if (severity.isPresent()) {
                severities.put(LINTERS.get(rule.name()), severity.get());
                configs.add(config(LINTERS.get(rule.name()), severity.get(), Map.of()));
            }
        }
        // SchemaCrawler 17.6 leaves primary-key columns out when it looks for a NOT NULL one: a table
        // whose only columns are its key would be "all nullable"
        java.util.Set<String> someNotNull = new java.util.HashSet<>();
        // and it calls a unique index redundant when another index begins with its columns: dropping it
        // would drop a constraint (a primary key (id) beside an index (id, created_at), say)
        java.util.Set<String> unique = new java.util.HashSet<>();
        for (schemacrawler.schema.Table table : catalog.getTables()) {
            if (table.getColumns().stream().anyMatch(c -> !c.isNullable())) {
                someNotNull.add(table.getFullName());
            }
            table.getIndexes().stream().filter(schemacrawler.schema.Index::isUnique)
                    .forEach(index -> unique.add(index.getFullName()));
        }
        List<DesignFinding> found = new ArrayList<>();
        for (Lint<?> lint : lint(catalog, connection, configs)) {
            String rule = ruleOf(lint.getLinterId());
            Severity severity = severities.get(lint.getLinterId());
            if (rule.equals("all-columns-nullable") && someNotNull.contains(lint.getObjectName())
                    || rule.equals("redundant-index") && lint.hasValue() && unique.contains(lint.getValueAsString())) {
                continue;
            }
            if (rule.equals("same-name-different-type") && lint.hasValue()) {
                String types = serialAsInteger(lint.getValueAsString());
                if (types != null) {
                    found.add(new DesignFinding(rule, severity, null, types, lint.getMessage(), ADVICE.get(rule),
                            settings.fails(severity)));
                }
                continue;
            }
            found.add(finding(rule, severity, lint, ADVICE.get(rule), settings, schema));
        }
        return found;
    }

    /**
     * The team's query as a subquery: PostgreSQL then refuses a second statement (a {@code SET
     * TRANSACTION READ WRITE} before it, say) and a data-modifying {@code WITH}, so the read-only
     * transaction is the only one it can run in.
     */
    static String asOneQuery(String sql) {
        String query = sql.strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        return "SELECT * FROM (\n" + query + "\n) AS team_rule";
    }

    /** The findings of one of the team's own rules (SchemaCrawler's table or catalog SQL linter). */
    private static List<DesignFinding> teamRule(Catalog catalog, Connection connection, DesignLintSettings.SqlRule rule,
                                                DesignLintSettings settings) {
        LinterConfigs one = new LinterConfigs(new Config());
        one.add(config(rule.perTable() ? TABLE_SQL : CATALOG_SQL, rule.severity(),
                Map.of("message", rule.message(), "sql", asOneQuery(rule.sql()))));
        List<DesignFinding> found = new ArrayList<>();
        for (Lint<?> lint : lint(catalog, connection, one)) {
            // SchemaCrawler's SQL linters append the query's value to the message: it is the detail
            String said = lint.getMessage() == null ? "" : lint.getMessage();
            String value = said.startsWith(rule.message()) ? said.substring(rule.message().length()).trim() : said;
            found.add(new DesignFinding(rule.name(), rule.severity(), rule.perTable() ? unqualified(lint.getObjectName())
                    : null, value, rule.message(), "", settings.fails(rule.severity())));
        }
        return found;
    }

    static boolean exists(Connection connection, String schema) throws SQLException {
        try (java.sql.PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The message of the innermost cause: SchemaCrawler wraps the server's in two of its own. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    static void readOnly(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
    }

    private static List<Lint<?>> lint(Catalog catalog, Connection connection, LinterConfigs configs) {
        Linters linters = new Linters(configs, false);
        linters.initialize(LinterRegistry.getLinterRegistry());
        linters.lint(catalog, connection);
        return new ArrayList<>(linters.getLints().getLints());
    }

    private static LinterConfig config(String linter, Severity severity, Map<String, Object> values) {
        return new LinterConfig(linter, true, LintSeverity.valueOf(severity.name().toLowerCase(Locale.ROOT)), null,
                null, null, null, null, values);
    }

    private static String ruleOf(String linterId) {
        return LINTERS.entrySet().stream().filter(e -> e.getValue().equals(linterId)).map(Map.Entry::getKey)
                .findFirst().orElse(linterId);
    }

    private static DesignFinding finding(String rule, Severity severity, Lint<?> lint, String advice,
                                         DesignLintSettings settings, String schema) {
        String table = switch (lint.getObjectType()) {
            case table -> unqualified(lint.getObjectName());
            default -> null;
        };
        String detail = lint.hasValue() ? lint.getValueAsString() : "";
        // a foreign key, an index or a column is named by its full name (public.orders.orders_code), the
        // tables of a cycle by theirs (public.teams): the schema, and the table, are said already
        String prefix = java.util.regex.Pattern.quote(schema + "." + (table == null ? "" : table + "."));
        detail = detail.replaceAll("(^|[\\s,\\[(])" + prefix, "$1");
        return new DesignFinding(rule, severity, table, detail, lint.getMessage(), advice, settings.fails(severity));
    }

    private static final java.util.regex.Pattern NAME_AND_TYPES = java.util.regex.Pattern.compile("(.*) \\[(.*)]");
    private static final Map<String, String> SERIALS = Map.of("smallserial", "int2", "serial", "int4", "bigserial", "int8",
            "serial2", "int2", "serial4", "int4", "serial8", "int8");

    /**
     * SchemaCrawler 17.6 names a serial column's type {@code bigserial} (as pgjdbc reports it), so a
     * {@code bigserial} key and the {@code bigint} columns that reference it would be "one name, different
     * types": {@code id [bigserial, int8]}. The types as PostgreSQL stores them, or {@code null} when
     * they are then one type.
     */
    private static String serialAsInteger(String value) {
        java.util.regex.Matcher m = NAME_AND_TYPES.matcher(value);
        if (!m.matches()) {
            return value;
        }
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (String type : m.group(2).split(",\\s*")) {
            types.add(SERIALS.getOrDefault(type.strip(), type.strip()));
        }
        return types.size() < 2 ? null : m.group(1) + " [" + String.join(", ", types) + "]";
    }

    /** {@code public.orders} as SchemaCrawler names a table: the name within its schema. */
    private static String unqualified(String fullName) {
        int dot = fullName.indexOf('.');
        return dot < 0 ? fullName : fullName.substring(dot + 1);
    }

    private static final MetadataRetrievalStrategy DICTIONARY = MetadataRetrievalStrategy.data_dictionary_all;
    /** The queries that read the schema's keys and indexes at once, with {@code ${schema}} for its name. */
    private static final Map<InformationSchemaKey, String> QUERIES = Map.of(
            InformationSchemaKey.PRIMARY_KEYS, resource("PRIMARY_KEYS.sql"),
            InformationSchemaKey.INDEXES, resource("INDEXES.sql"),
            InformationSchemaKey.FOREIGN_KEYS, resource("FOREIGN_KEYS.sql"));

    private static String resource(String name) {
        try (java.io.InputStream in = DesignLint.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the design lint's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InformationSchemaViews views(String schema) {
        // an escape string: a backslash in the name means itself whatever standard_conforming_strings says
        String literal = "E'" + schema.replace("\\", "\\\\").replace("'", "\\'") + "'";
        InformationSchemaViewsBuilder views = InformationSchemaViewsBuilder.builder();
        QUERIES.forEach((key, sql) -> views.withSql(key, sql.replace("${schema}", literal)));
        return views.toOptions();
    }

    static Catalog crawl(Connection connection, String schema, DesignLintSettings settings) {
        return crawl(connection, schema, settings, true);
    }

    /**
     * SchemaCrawler's catalog of the schema's tables (Flyway's history and the settings' excludes left
     * out).
     *
     * @param bulk read keys, indexes and foreign keys with the toolkit's one query each; else through
     *             pgjdbc's {@code DatabaseMetaData} alone, table by table (the cross-check's independent read)
     */
    static Catalog crawl(Connection connection, String schema, DesignLintSettings settings, boolean bulk) {
        InclusionRule tables = fullName -> {
            String name = unqualified(fullName).replace("\"", "");
            return !settings.excludes(name) && !name.equals("flyway_schema_history");
        };
        SchemaCrawlerOptions options = SchemaCrawlerOptionsBuilder.newSchemaCrawlerOptions()
                .withLimitOptions(LimitOptionsBuilder.builder()
                        .includeSchemas(s -> s != null && (s.equals(schema) || s.equals("\"" + schema + "\"")))
                        .includeTables(tables)
                        .tableTypes("TABLE", "PARTITIONED TABLE")
                        .toOptions())
                .withLoadOptions(LoadOptionsBuilder.builder()
                        .withSchemaInfoLevel(SchemaInfoLevelBuilder.builder()
                                .withTag("verified-schema design lint")
                                .withInfoLevel(InfoLevel.standard)
                                .setRetrieveRoutines(false)
                                .setRetrieveDatabaseInfo(false)
                                .toOptions())
                        .withMaxThreads(1)
                        .toOptions());
        SchemaRetrievalOptionsBuilder retrieval = SchemaRetrievalOptionsBuilder.builder().withDoesNotSupportCatalogs()
                .withSupportsSchemas().withIdentifierQuoteString("\"");
        if (!bulk) {
            return new SchemaCrawler(DatabaseConnectionSources.fromConnection(connection), retrieval.toOptions(), options)
                    .crawl();
        }
        // The connection source is never closed: closing it would close the caller's connection.
        return new SchemaCrawler(DatabaseConnectionSources.fromConnection(connection),
                retrieval
                        .withInformationSchemaViews(views(schema))
                        // one query for the schema, not one per table: JDBC's per-table getPrimaryKeys,
                        // getIndexInfo and getImportedKeys cost about 35 ms a table together
                        .with(SchemaInfoMetadataRetrievalStrategy.tableColumnsRetrievalStrategy,
                                MetadataRetrievalStrategy.metadata_over_schemas)
                        .with(SchemaInfoMetadataRetrievalStrategy.primaryKeysRetrievalStrategy, DICTIONARY)
                        .with(SchemaInfoMetadataRetrievalStrategy.indexesRetrievalStrategy, DICTIONARY)
                        .with(SchemaInfoMetadataRetrievalStrategy.foreignKeysRetrievalStrategy, DICTIONARY)
                        .toOptions(), options).crawl();
    }
}
