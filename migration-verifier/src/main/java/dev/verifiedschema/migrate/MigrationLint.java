package dev.verifiedschema.migrate;

import dev.verifiedschema.contract.Contract;
import dev.verifiedschema.contract.Identifiers;
import dev.verifiedschema.contract.TableContract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules for forward scripts that lock or break a live table. A table counts as live when an earlier
 * migration created it. A file turns rules off with {@code -- verified-schema:disable rule[,rule]}.
 */
public final class MigrationLint {
    /** One finding: file, line of the statement, rule name and what to do instead. */
    public record Finding(String file, int line, String rule, String message) {
    }

    private static final String NAME = "((?:\"(?:[^\"]|\"\")+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[\\w$]+))?)";
    private static final Pattern CREATE_TABLE = Pattern.compile("^create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER_TABLE = Pattern.compile("^alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "\\s+(.*)$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_INDEX = Pattern.compile("^create\\s+(?:unique\\s+)?index\\s+(concurrently\\s+)?.*?\\bon\\s+(?:only\\s+)?" + NAME, Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("^drop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_COLUMN = Pattern.compile("add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s+([^,]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP_COLUMN = Pattern.compile("drop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?" + NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME_COLUMN = Pattern.compile("rename\\s+(?:column\\s+)?" + NAME + "\\s+to\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISABLE = Pattern.compile("--\\s*verified-schema:disable\\s+([\\w,\\s-]+)");

    private MigrationLint() {
    }

    /** Every finding in the set's forward scripts, in file order. */
    public static List<Finding> lint(MigrationSet set, Contract contract) {
        List<Finding> findings = new ArrayList<>();
        Set<String> existing = new HashSet<>();
        for (MigrationScript script : set.forwards()) {
            Set<String> disabled = disabled(script.sql());
            Set<String> createdHere = new HashSet<>();
            boolean lockTimeout = false;
            List<SqlStatements.Statement> statements = SqlStatements.split(script.sql());
            fileRules(script, disabled, findings);
            for (SqlStatements.Statement statement : statements) {
                String sql = statement.sql().replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ")
                        .replaceAll("\\s+", " ").strip();
                String lower = sql.toLowerCase(Locale.ROOT);
                List<Finding> here = new ArrayList<>();
                java.util.function.BiConsumer<String, String> add = (rule, message) ->
                        here.add(new Finding(script.fileName(), statement.line(), rule, message));
                if (lower.matches("^set\\s+(local\\s+)?lock_timeout.*")) {
                    lockTimeout = true;
                }
                if (TransactionControl.endsTransaction(sql) && statement != statements.get(statements.size() - 1)) {
                    add.accept("commit-in-migration", sql.split(" ")[0].toUpperCase(Locale.ROOT) + " in the middle "
                            + "of a migration ends Flyway's transaction: when a later statement fails, what came before "
                            + "is kept although Flyway reports the migration rolled back; split the script into two "
                            + "migrations instead");
                }
                Matcher m;
                if ((m = CREATE_TABLE.matcher(sql)).find()) {
                    createdHere.add(table(m.group(1)));
                } else if ((m = CREATE_INDEX.matcher(sql)).find()) {
                    String table = table(m.group(2));
                    if (m.group(1) == null && existing.contains(table) && !createdHere.contains(table)) {
                        add.accept("index-without-concurrently", "CREATE INDEX on live table " + table + " blocks writes "
                                + "while it builds; use CREATE INDEX CONCURRENTLY (outside a transaction)");
                    }
                } else if ((m = DROP_TABLE.matcher(sql)).find()) {
                    String table = table(m.group(1));
                    if (required(contract, table)) {
                        add.accept("drops-required", "drops table " + table + ", which the contract requires");
                    }
                } else if ((m = ALTER_TABLE.matcher(sql)).find()) {
                    String table = table(m.group(1));
                    boolean live = existing.contains(table) && !createdHere.contains(table);
                    alterTable(table, m.group(2), live, contract, add);
                    if (live && !lockTimeout) {
                        add.accept("missing-lock-timeout", "ALTER TABLE " + table + " without SET lock_timeout first can "
                                + "queue behind a long transaction and block every query on the table; add "
                                + "SET lock_timeout = '5s'; at the top of the script");
                        lockTimeout = true;
                    }
                }
                here.stream().filter(f -> !disabled.contains(f.rule())).forEach(findings::add);
            }
            existing.addAll(createdHere);
        }
        return findings;
    }

    private static void alterTable(String table, String actions, boolean live, Contract contract,
                                   java.util.function.BiConsumer<String, String> add) {
        String lower = actions.toLowerCase(Locale.ROOT);
        Matcher add_ = ADD_COLUMN.matcher(actions);
        while (live && add_.find()) {
            String definition = add_.group(2).toLowerCase(Locale.ROOT);
            if (definition.contains("not null") && !definition.contains("default")
                    && !add_.group(1).equalsIgnoreCase("constraint")) {
                add.accept("not-null-without-default", "adds NOT NULL column " + table + "." + column(add_.group(1))
                        + " without a default: fails on a table with rows; add a DEFAULT, or add it nullable, backfill, "
                        + "then SET NOT NULL");
            }
        }
        if (live && lower.matches(".*alter\\s+(column\\s+)?\\S+\\s+(set\\s+data\\s+)?type\\s.*")) {
            add.accept("rewriting-type-change", "changes a column type of live table " + table + ": most type changes "
                    + "rewrite the table under an exclusive lock; add a new column and backfill instead");
        }
        if (live && lower.contains("foreign key") && !lower.contains("not valid")) {
            add.accept("foreign-key-without-not-valid", "adds a foreign key to live table " + table + " that is checked "
                    + "at once under lock; add it NOT VALID, then VALIDATE CONSTRAINT in a later migration");
        }
        Matcher drop = DROP_COLUMN.matcher(actions);
        while (drop.find()) {
            String column = column(drop.group(1));
            if (!column.equals("constraint") && !column.equals("default") && required(contract, table, column)) {
                add.accept("drops-required", "drops column " + table + "." + column + ", which the contract requires");
            }
        }
        Matcher rename = RENAME_COLUMN.matcher(actions);
        while (rename.find()) {
            String column = column(rename.group(1));
            if (required(contract, table, column)) {
                add.accept("drops-required", "renames column " + table + "." + column + ", which the contract requires");
            }
        }
        if (lower.matches("^rename\\s+to\\s.*") && required(contract, table)) {
            add.accept("drops-required", "renames table " + table + ", which the contract requires");
        }
    }

    private static boolean required(Contract contract, String table) {
        return contract != null && contract.tables().containsKey(table);
    }

    private static boolean required(Contract contract, String table, String column) {
        TableContract t = contract == null ? null : contract.tables().get(table);
        return t != null && t.columns().containsKey(column);
    }

    private static String table(String written) {
        String[] parts = written.split("\\s*\\.\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        return Identifiers.fold(parts[parts.length - 1]);
    }

    private static String column(String written) {
        return Identifiers.fold(written);
    }

    private static Set<String> disabled(String sql) {
        Set<String> rules = new HashSet<>();
        Matcher m = DISABLE.matcher(sql);
        while (m.find()) {
            for (String rule : m.group(1).split("[,\\s]+")) {
                if (!rule.isBlank()) {
                    rules.add(rule.strip());
                }
            }
        }
        return rules;
    }

    /** Rules about the file as a whole: an empty migration, bytes that are no UTF-8 character. */
    private static void fileRules(MigrationScript script, Set<String> disabled, List<Finding> findings) {
        if (script.sql().isBlank() && !disabled.contains("empty-migration")) {
            findings.add(new Finding(script.fileName(), 1, "empty-migration", "the script is empty: Flyway records V"
                    + script.version() + " as applied with nothing done. Write the migration, or delete the file if "
                    + "no database has applied it yet"));
        }
        int bad = script.sql().indexOf('\uFFFD');
        if (bad >= 0 && !disabled.contains("not-utf8")) {
            int[] at = Placeholders.lineAndColumn(script.sql(), bad);
            findings.add(new Finding(script.fileName(), at[0], "not-utf8", "column " + at[1] + " holds a byte that is "
                    + "no UTF-8 character; Flyway runs it as U+FFFD. Save new scripts as UTF-8, or set flyway.encoding "
                    + "when the whole set is in another encoding (an applied script keeps its bytes: its checksum is "
                    + "in the history)"));
        }
    }
}
