package dev.verifiedschema.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.verifiedschema.cli.CliHarness.CONTRACT;
import static dev.verifiedschema.cli.CliHarness.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of bad inputs (docs/errors.md): each case runs the command line as a user would, and
 * proves the documented exit code, a message that says what, where and what to do, no stack trace,
 * no password, and nothing left behind on the server (the scratch databases a run makes are gone).
 * Every case is a row of docs/errors.md, and every row there is a case here.
 */
class BadInputCatalogueTest {
    private static final Path ERRORS_MD = Path.of("..", "docs", "errors.md");
    private static final String SECRET = "Tr0ub4dor-secret";

    private static CliHarness cli;
    private static Path dir;
    private static String production;

    /** One bad input: how to run it, the exit code, and what the message must say. */
    record Case(String id, int exit, Function<BadInputCatalogueTest, String[]> args, List<String> says) {
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    private static void add(String id, int exit, Function<BadInputCatalogueTest, String[]> args, String... says) {
        CASES.put(id, new Case(id, exit, args, List.of(says)));
    }

    @BeforeAll
    static void start() throws Exception {
        cli = new CliHarness();
        dir = Files.createTempDirectory("vs-bad-inputs");
        production = cli.production("6");
        try (Connection c = cli.server().dataSource(production).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS vs_catalogue_noconnect");
            s.execute("CREATE ROLE vs_catalogue_noconnect LOGIN");
            s.execute("REVOKE CONNECT ON DATABASE " + production + " FROM PUBLIC");
            s.execute("DROP ROLE IF EXISTS vs_catalogue_limited");
            s.execute("CREATE ROLE vs_catalogue_limited LOGIN CREATEDB CONNECTION LIMIT 3");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        cli.server().dropDatabase(production);
        try (Connection c = cli.server().dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS vs_catalogue_noconnect");
            s.execute("DROP ROLE IF EXISTS vs_catalogue_limited");
        }
        cli.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ---- helpers that lay out a user's files --------------------------------------------------------

    private static Path file(String name, String text) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path bytes(String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The TalentAI set with these scripts added or replaced, in a directory of its own. */
    private static String set(String name, String... scriptsAndTexts) {
        try {
            Path set = Files.createDirectories(dir.resolve(name));
            try (Stream<Path> scripts = Files.list(MIGRATIONS)) {
                for (Path script : scripts.toList()) {
                    Files.copy(script, set.resolve(script.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (int i = 0; i < scriptsAndTexts.length; i += 2) {
                Files.writeString(set.resolve(scriptsAndTexts[i]), scriptsAndTexts[i + 1]);
            }
            return set.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] verify(String migrations, String... more) {
        return Stream.concat(Stream.of("verify", "--migrations", migrations), Stream.of(more)).toArray(String[]::new);
    }

    private static String[] verifyContract(Path contract) {
        return verify(MIGRATIONS.toString(), "--contract", contract.toString());
    }

    private String[] check(String url, Path contract, String... more) {
        return Stream.concat(Stream.of("check", "--url", url, "--contract", contract.toString()), Stream.of(more))
                .toArray(String[]::new);
    }

    private String url() {
        return cli.url(production);
    }

    // ---- the catalogue ----------------------------------------------------------------------------

    static {
        // contracts
        add("contract-malformed-yaml", 2, t -> verifyContract(file("malformed.yaml", "tables:\n  users: {columns: [id, email\n")),
                "malformed.yaml:3:1: this is not valid YAML", "fix it and run again");
        add("contract-tab-indentation", 2, t -> verifyContract(file("tabs.yaml", "tables:\n\tusers:\n    columns: [id]\n")),
                "tabs.yaml:2:1: this is not valid YAML", "Do not use \\t(TAB) for indentation");
        add("contract-empty-file", 2, t -> verifyContract(file("empty.yaml", "")),
                "empty.yaml: the contract is empty; it needs at least a 'tables:' section");
        add("contract-unknown-key", 2, t -> verifyContract(file("key.yaml", "tables:\n  users:\n    colums: [id]\n")),
                "key.yaml:3:5: unknown key 'colums' in table users; did you mean 'columns'?");
        add("contract-wrong-value-type", 2, t -> verifyContract(file("type5.yaml", "tables:\n  users:\n    columns: 5\n")),
                "type5.yaml:3:14: columns of table users must be a list of names");
        add("contract-wrong-boolean", 2, t -> verifyContract(file("bool.yaml",
                        "tables:\n  users:\n    columns:\n      id: {type: bigint, nullable: maybe}\n")),
                "bool.yaml:4:", "must be true or false, but it is 'maybe'");
        add("contract-unknown-mode", 2, t -> verifyContract(file("mode.yaml",
                        "tables:\n  users:\n    mode: strictest\n    columns: [id]\n")),
                "mode.yaml:3:11: unknown mode 'strictest' for table users; allowed: required");
        add("contract-unparsable-type", 2, t -> verifyContract(file("badtype.yaml",
                        "tables:\n  users:\n    columns:\n      id: {type: \"bigint((\"}\n")),
                "badtype.yaml:4:18: type of column users.id: 'bigint((' is not a type name");
        add("contract-duplicate-table", 2, t -> verifyContract(file("duptable.yaml",
                        "tables:\n  users:\n    columns: [id]\n  users:\n    columns: [email]\n")),
                "duptable.yaml:4:3: table users is declared twice (first on line 2)");
        add("contract-duplicate-column", 2, t -> verifyContract(file("dupcol.yaml", "tables:\n  users:\n    columns: [id, id]\n")),
                "dupcol.yaml:3:19: column users.id is declared twice");
        add("contract-fk-to-unknown-table", 2, t -> verifyContract(file("fk.yaml", "tables:\n  users:\n    columns: [id]\n"
                        + "    foreignKeys:\n      - {columns: [id], references: \"ghosts(id)\"}\n")),
                "fk.yaml:5:1:", "references table ghosts, which the contract does not declare; declare it under tables:");
        add("contract-invalid-glob", 2, t -> verifyContract(file("glob.yaml", "owned: [\"hm_*\", \"\"]\ntables:\n  users:\n    columns: [id]\n")),
                "glob.yaml:1:17: an empty glob in owned matches no table");
        add("contract-unclosed-quote-glob", 2, t -> verifyContract(file("quote.yaml",
                        "owned: ['\"Tmp*']\ntables:\n  users:\n    columns: [id]\n")),
                "quote.yaml:1:9: the glob \"Tmp* in owned has an unclosed double quote");
        add("contract-not-found", 2, t -> verifyContract(dir.resolve("no-such-contract.yaml")),
                "--contract ", "no-such-contract.yaml: no such file (looked in ");
        add("contract-is-a-directory", 2, t -> verifyContract(dir),
                "this is a directory, not a file; give the file's path");
        add("contract-not-utf8", 2, t -> verifyContract(bytes("utf16.yaml",
                        "tables:\n  users:\n    columns: [id]\n".getBytes(StandardCharsets.UTF_16))),
                "utf16.yaml: the contract file is not UTF-8 text (it starts with a UTF-16 byte order mark); save it as UTF-8");
        add("contract-design-lint-unknown-rule", 2, t -> verifyContract(file("lintrule.yaml",
                        "designLint:\n  rules:\n    foreign-key-without-indexes: high\ntables:\n  users:\n")),
                "lintrule.yaml:3:5: unknown design lint rule 'foreign-key-without-indexes' (did you mean "
                        + "'foreign-key-without-index'?); docs/design-lint.md lists the rules");
        add("contract-design-lint-unknown-fail-on", 2, t -> verifyContract(file("failon.yaml",
                        "designLint:\n  failOn: severe\ntables:\n  users:\n")),
                "failon.yaml:2:11: designLint.failOn must be none, low, medium, high or critical, but it is 'severe'");
        add("contract-design-lint-query-fails", 1, t -> t.check(t.url(), file("lintsql.yaml",
                        "designLint:\n  sql:\n    - name: typo\n      message: never\n      schema: SELEC 1\n"
                                + "tables:\n  users:\n")),
                "The design lint of schema public failed while running designLint.sql rule typo (fix its query in "
                        + "the contract, or remove the rule)", "syntax error");
        add("contract-schema-missing", 1, t -> t.check(t.url(), file("schema.yaml",
                        "schema: billing\ntables:\n  invoices:\n    columns: [id]\n")),
                "schema billing does not exist in the database at", "check the contract's schema: key");
        add("contract-2000-tables", 1, t -> t.check(t.url(), file("big.yaml", "tables:\n" + Stream.iterate(0, i -> i + 1)
                        .limit(2000).map(i -> "  t" + i + ":\n    columns: {id: bigint, name: text}\n").collect(Collectors.joining()))),
                "2000 problem(s)", "t1999: missing table", "CREATE TABLE IF NOT EXISTS t1999");
        add("contract-hostile-identifier", 1, t -> t.check(t.url(), file("hostile.yaml",
                        "tables:\n  'users; DROP TABLE hm_feedbacks --':\n    columns: {id: bigint}\n"
                                + "  users:\n    columns:\n      'x\"; DROP TABLE users; --': text\n")),
                // unquoted in the contract, the names fold to lower case as PostgreSQL folds them
                "CREATE TABLE IF NOT EXISTS \"users; drop table hm_feedbacks --\" (",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS \"x\"\"; drop table users; --\" text;");
        // migration sets
        add("migrations-missing", 2, t -> verify(dir.resolve("no-such-dir").toString()),
                "--migrations ", "no-such-dir: no such directory (looked in ");
        add("migrations-empty", 2, t -> verify(file("empty-set/.keep", "").getParent().toString()),
                "no migration scripts (V<version>__<description>.sql) were found in", "nothing was run");
        add("migrations-is-a-file", 2, t -> verify(file("a-file.sql", "SELECT 1;\n").toString()),
                "this is a file, not a directory");
        add("migration-name-unparsable", 2, t -> verify(set("badname", "V7-fix.sql", "SELECT 1;\n")),
                "V7-fix.sql is not named like a migration; name forward scripts V<version>__<description>.sql",
                "Flyway says: ");
        add("migration-duplicate-version", 2, t -> verify(set("dup", "V6.0__again.sql", "SELECT 1;\n")),
                "version 6 is used twice: ", "V6.0__again.sql", "give one of them the next free version");
        add("migration-undo-without-forward", 2, t -> verify(set("orphan", "U9__ghost.sql", "SELECT 1;\n")),
                "undo script ", "U9__ghost.sql has no forward script V9__*.sql; rename it");
        add("migration-empty-script", 1, t -> new String[] {"lint", "--migrations",
                        set("emptyscript", "V7__nothing.sql", "", "U7__nothing.sql", "")},
                "V7__nothing.sql:1 empty-migration: the script is empty: Flyway records V7 as applied with nothing done");
        add("migration-not-utf8", 1, t -> {
            String set = set("latin", "U7__comment.sql", "COMMENT ON TABLE users IS NULL;\n");
            bytes("latin/V7__comment.sql", "COMMENT ON TABLE users IS 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
            return new String[] {"lint", "--migrations", set};
        }, "V7__comment.sql:1 not-utf8: column 31 holds a byte that is no UTF-8 character; Flyway runs it as U+FFFD",
                "set flyway.encoding");
        add("migration-forward-syntax-error", 1, t -> verify(set("fsyntax", "V7__x.sql", "CREATE TABLE extra (\n  id int,\n"
                        + "  name txet\n);\n", "U7__x.sql", "DROP TABLE extra;\n")),
                "V7 forward (V7__x.sql): V7 failed: ", "V7__x.sql line 3, column 8: type \"txet\" does not exist");
        add("migration-undo-syntax-error", 1, t -> verify(set("usyntax", "V7__x.sql", "CREATE TABLE extra (id int);\n",
                        "U7__x.sql", "DROP\n  TABEL extra;\n")),
                "U7__x.sql line 2, column 3: syntax error at or near \"TABEL\"",
                "Nothing of the undo script was kept");
        add("migration-statement-never-ends", 1, t -> verify(set("sleeps", "V7__x.sql", "CREATE TABLE extra (id int);\n",
                        "U7__x.sql", "DROP TABLE extra;\nSELECT pg_sleep(600);\n"), "--statement-timeout", "300ms"),
                "U7__x.sql line 2", "canceling statement due to statement timeout",
                "ran longer than statement_timeout", "--statement-timeout");
        add("migration-undo-commits-midway", 1, t -> verify(set("commits", "V7__x.sql", "CREATE TABLE extra (id int);\n",
                        "U7__x.sql", "DROP TABLE extra;\nCOMMIT;\nSELECT 1;\n")),
                "U7__x.sql line 2, column 1: COMMIT would end the one transaction U7__x.sql runs in");
        add("migration-leaves-transaction-open", 0, t -> verify(set("opens", "V7__x.sql", "BEGIN;\nCREATE TABLE extra (id int);\n",
                        "U7__x.sql", "BEGIN;\nDROP TABLE extra;\n")),
                "every forward, undo and redo step held");
        add("migration-changes-role-and-search-path", 0, t -> verify(set("role", "V7__x.sql",
                        "CREATE TABLE extra (id int);\nSET search_path TO pg_catalog;\nSET ROLE pg_monitor;\n",
                        "U7__x.sql", "DROP TABLE public.extra;\nSET search_path TO pg_catalog;\nSET ROLE pg_monitor;\n")),
                "every forward, undo and redo step held");
        add("migration-placeholder-without-value", 1, t -> verify(set("placeholder", "V7__x.sql",
                        "CREATE TABLE ${tenant}_extra (id int);\n", "U7__x.sql", "DROP TABLE ${tenant}_extra;\n")),
                "no value for the placeholder ${tenant}", "--placeholder tenant=VALUE");
        add("migration-5000-statements", 0, t -> verify(set("many", "V7__many.sql",
                        "CREATE TABLE extra (id int PRIMARY KEY);\n" + Stream.iterate(1, i -> i + 1).limit(5000)
                                .map(i -> "INSERT INTO extra VALUES (" + i + ");\n").collect(Collectors.joining()),
                        "U7__many.sql", "DROP TABLE extra;\n")),
                "(7 versions)", "every forward, undo and redo step held");
        add("migration-identifiers-need-quotes", 0, t -> {
            String longName = "t" + "x".repeat(62);
            String set = set("quoted", "V7__quoted.sql", "CREATE TABLE \"user\" (\"select\" int, \"Mixed Case\" text, "
                    + "\"a\"\"b\" int, \"caf\u00e9\" int);\nCREATE TABLE \"" + longName + "\" (id int);\n", "U7__quoted.sql",
                    "DROP TABLE \"user\";\nDROP TABLE \"" + longName + "\";\n");
            Path contract = file("quoted.yaml", "tables:\n  '\"user\"':\n    columns: ['\"select\"', '\"Mixed Case\"', "
                    + "'\"a\"\"b\"', '\"caf\u00e9\"']\n  " + longName + ":\n    columns: [id]\n");
            return verify(set, "--contract", contract.toString());
        }, "every forward, undo and redo step held", "the contract holds at head");
        // fixtures
        add("fixture-violates-constraint", 1, t -> verify(MIGRATIONS.toString(), "--fixtures", file("fixtures-dup/1__users.sql",
                        "INSERT INTO users (id, email) VALUES (1, 'a@example.com');\n"
                                + "INSERT INTO users (id, email) VALUES (1, 'b@example.com');\n").getParent().toString()),
                "1__users.sql line 2", "duplicate key value violates unique constraint");
        add("fixture-for-missing-version", 2, t -> verify(MIGRATIONS.toString(), "--fixtures", file("fixtures-orphan/99__x.sql",
                        "SELECT 1;\n").getParent().toString()),
                "99__x.sql is for version 99, but there is no V99__*.sql; it would never load");
        add("fixture-bad-name", 2, t -> verify(MIGRATIONS.toString(), "--fixtures", file("fixtures-name/users.sql",
                        "SELECT 1;\n").getParent().toString()),
                "users.sql is not named like a fixture; name it <version>__<description>.sql");
        // reaching a database
        add("url-connection-refused", 3, t -> t.check("jdbc:postgresql://127.0.0.1:1/app", CONTRACT),
                "Cannot connect to jdbc:postgresql://127.0.0.1:1/app", "check host, port and that it is up");
        add("url-unknown-host", 3, t -> t.check("jdbc:postgresql://no-such-host.invalid:5432/app", CONTRACT),
                "Cannot connect to jdbc:postgresql://no-such-host.invalid:5432/app",
                "the host no-such-host.invalid is unknown: no DNS entry resolves it");
        add("url-database-missing", 3, t -> t.check(t.url().replaceFirst("/[^/?]+(\\?|$)", "/no_such_db$1"), CONTRACT),
                "database \"no_such_db\" does not exist", "check the JDBC URL");
        add("url-role-missing", 3, t -> t.check(t.url(), CONTRACT, "--user", "no_such_role"),
                "role \"no_such_role\" does not exist");
        add("url-role-without-privileges", 3, t -> t.check(t.url(), CONTRACT, "--user", "vs_catalogue_noconnect"),
                "permission denied for database", "grant the privilege");
        add("url-connection-limit-too-low", 1, t -> verify(MIGRATIONS.toString(), "--url",
                        cli.url("postgres").replaceAll("user=[^&]*", "user=vs_catalogue_limited")),
                "no connection could be opened: FATAL: too many connections for role \"vs_catalogue_limited\"",
                "A stairway holds 5 connections to its database at once", "raise the role's CONNECTION LIMIT");
        add("url-not-postgresql", 2, t -> t.check("jdbc:mysql://db:3306/app", CONTRACT),
                "--url jdbc:mysql://db:3306/app is not a PostgreSQL JDBC URL; write it as jdbc:postgresql://host:5432/database");
        add("url-password-masked", 3, t -> t.check("jdbc:postgresql://127.0.0.1:1/app?user=app&password=" + SECRET, CONTRACT),
                "Cannot connect to jdbc:postgresql://127.0.0.1:1/app?user=app&password=***");
        add("url-password-masked-json", 3, t -> t.check("jdbc:postgresql://app:" + SECRET + "@127.0.0.1:1/app", CONTRACT,
                        "--format", "json"),
                "Cannot connect to ");
        add("url-password-masked-junit", 3, t -> verify(MIGRATIONS.toString(), "--url",
                        "jdbc:postgresql://127.0.0.1:1/app?password=" + SECRET, "--format", "junit"),
                "jdbc:postgresql://127.0.0.1:1/app?password=***");
        add("url-password-masked-markdown", 3, t -> verify(MIGRATIONS.toString(), "--url",
                        "postgresql://app:" + SECRET + "@127.0.0.1:1/app", "--format", "markdown"),
                "app:***");
        add("password-env-unset", 2, t -> t.check(t.url(), CONTRACT, "--password-env", "VS_NO_SUCH_VARIABLE"),
                "--password-env VS_NO_SUCH_VARIABLE: the environment variable VS_NO_SUCH_VARIABLE is not set");
        add("embedded-version-unavailable", 3, t -> verify(MIGRATIONS.toString(), "--pg-version", "11"),
                "PostgreSQL 11");
        // the command line itself
        add("option-unknown", 2, t -> new String[] {"verify", "--migrashuns", "db"}, "Unknown option", "'--migrashuns'", "verified-schema verify --help");
        add("option-format-unknown", 2, t -> verify(MIGRATIONS.toString(), "--format", "yaml"),
                "Invalid value for option '--format'", "text, json, junit, markdown");
        add("option-timeout-not-a-duration", 2, t -> verify(MIGRATIONS.toString(), "--lock-timeout", "soon"),
                "--lock-timeout is 'soon', which is not a duration; write it as 500ms, 30s, 10min or 1h");
        add("option-placeholder-without-name", 2, t -> verify(MIGRATIONS.toString(), "--placeholder", "=acme"),
                "--placeholder =acme: the placeholder has no name; write KEY=VALUE");
        add("option-flyway-config-missing", 2, t -> verify(MIGRATIONS.toString(), "--flyway-config",
                        dir.resolve("no-such-flyway.conf").toString()),
                "no-such-flyway.conf");
        add("option-docs-with-tables", 2, t -> new String[] {"snapshot", "--migrations", MIGRATIONS.toString(), "--docs",
                        "text", "--tables", "users"},
                "--docs documents every table of the schema; --tables only filters the contract YAML: drop one of them");
        add("option-design-lint-unknown", 2, t -> verify(MIGRATIONS.toString(), "--design-lint", "maybe"),
                "--design-lint maybe: allowed values are on, off");
        add("option-design-lint-fail-on-unknown", 2, t -> verify(MIGRATIONS.toString(), "--design-lint-fail-on", "severe"),
                "--design-lint-fail-on severe: allowed values are none, low, medium, high, critical");
        add("option-docs-unknown", 2, t -> new String[] {"snapshot", "--migrations", MIGRATIONS.toString(), "--docs", "pdf"},
                "--docs pdf: allowed values are html, text");
        add("downgrade-target-not-a-version", 2, t -> new String[] {"downgrade", "--url", t.url(), "--migrations",
                        MIGRATIONS.toString(), "--target", "latest", "--yes"},
                "--target latest is not a version (digits and dots)");
        add("downgrade-steps-below-one", 2, t -> new String[] {"downgrade", "--url", t.url(), "--migrations",
                        MIGRATIONS.toString(), "--steps", "0", "--yes"},
                "--steps must be at least 1");
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsItsDocumentedExitCodeAndAMessageThatSaysWhatWhereAndWhatToDo() {
        return CASES.values().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> {
            TreeSet<String> before = databases();
            CliHarness.Run run = cli.run(c.args().apply(this));
            String all = run.out() + run.err();

            assertThat(run.exitCode()).as(c.id() + ":\n" + all).isEqualTo(c.exit());
            assertThat(all).as(c.id()).contains(c.says());
            assertThat(all).as(c.id() + ": no stack trace, no password").doesNotContain("\tat ", "Exception", SECRET);
            assertThat(databases()).as(c.id() + ": no scratch database left behind").isEqualTo(before);
        }));
    }

    @Test
    void docsErrorsListsEveryCaseOfTheCatalogueWithItsExitCodeAndNothingElse() throws IOException {
        Map<String, Integer> documented = new LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9-]+)` \\|[^|\\n]*\\| ([0-3]) \\|").matcher(Files.readString(ERRORS_MD));
        while (row.find()) {
            documented.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        Map<String, Integer> tested = new LinkedHashMap<>();
        CASES.values().forEach(c -> tested.put(c.id(), c.exit()));

        assertThat(documented).isEqualTo(tested);
        assertThat(tested).hasSizeGreaterThanOrEqualTo(40);
    }

    private TreeSet<String> databases() throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = cli.server().dataSource("postgres").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
