package dev.verifiedschema.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transaction statements of a script the toolkit runs in one transaction of its own (undo
 * scripts, fixtures). A {@code BEGIN} and a final {@code COMMIT} are the script's own wrapping and
 * are left out (the toolkit's transaction does what they did); a statement that ends the
 * transaction anywhere else is refused before anything runs: a failure after it would keep
 * everything before it, and the promise that nothing of a failed script is kept would break.
 */
final class TransactionControl {
    private TransactionControl() {
    }

    /** The script's statements without its wrapping; a refusal when a statement ends the transaction early. */
    static List<SqlStatements.Statement> unwrapped(MigrationScript script, List<SqlStatements.Statement> statements)
            throws Refused {
        List<SqlStatements.Statement> kept = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatements.Statement statement = statements.get(i);
            String words = firstWords(statement.sql());
            String first = firstWord(words);
            if (first.equals("BEGIN") || words.startsWith("START TRANSACTION")) {
                continue;
            }
            if (ends(words)) {
                boolean last = i == statements.size() - 1;
                if (last && (first.equals("COMMIT") || first.equals("END"))) {
                    continue;
                }
                throw new Refused(new ScriptFailure(script.path(), statement.line(), column(script, statement),
                        statement.sql(), null, firstWord(words) + " would end the one transaction " + script.fileName()
                        + " runs in, so a failure after it would keep half of the script; remove it (the toolkit "
                        + "runs every undo script and fixture in one transaction of its own, and a BEGIN first and "
                        + "a COMMIT last are fine). Nothing of the script was run."));
            }
            kept.add(statement);
        }
        return kept;
    }

    /** Whether the statement ends the transaction it runs in (COMMIT, END, ROLLBACK, ABORT, PREPARE TRANSACTION). */
    static boolean endsTransaction(String sql) {
        return ends(firstWords(sql));
    }

    private static boolean ends(String words) {
        return switch (firstWord(words)) {
            case "COMMIT" -> !words.startsWith("COMMIT PREPARED");
            case "END", "ABORT" -> true;
            case "PREPARE" -> words.startsWith("PREPARE TRANSACTION");
            // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] s keeps the transaction
            case "ROLLBACK" -> !words.matches("ROLLBACK ((WORK|TRANSACTION) )?TO( .*)?") && !words.startsWith("ROLLBACK PREPARED");
            default -> false;
        };
    }

    private static int column(MigrationScript script, SqlStatements.Statement statement) {
        String word = firstWord(firstWords(statement.sql()));
        int at = -1;
        for (int i = Math.max(statement.offset(), 0); statement.offset() >= 0 && i < script.sql().length(); i++) {
            if (script.sql().regionMatches(true, i, word, 0, word.length())) { // the word as written, in any case
                at = i;
                break;
            }
        }
        return at < 0 ? 0 : Placeholders.lineAndColumn(script.sql(), at)[1];
    }

    private static String firstWord(String words) {
        int space = words.indexOf(' ');
        return space < 0 ? words : words.substring(0, space);
    }

    /** The statement's first three words, upper case, after any leading comments. */
    static String firstWords(String sql) {
        String s = sql;
        while (true) {
            s = s.stripLeading();
            if (s.startsWith("--")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1);
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2);
            } else {
                break;
            }
        }
        String[] words = s.split("[\\s;(]+", 4);
        return String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, 3))).toUpperCase(Locale.ROOT);
    }

    /** The script ends its transaction before its last statement. */
    static final class Refused extends Exception {
        final ScriptFailure failure;

        Refused(ScriptFailure failure) {
            super(failure.message(), null, false, false);
            this.failure = failure;
        }
    }
}
