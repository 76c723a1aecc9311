package dev.verifiedschema.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, respecting quotes, quoted
 * identifiers, dollar quoting, comments and the SQL-standard body of a function or procedure
 * ({@code BEGIN ATOMIC ... END}, PostgreSQL 14 and later, whose statements end in semicolons of their
 * own), and remembers the line each statement starts on.
 */
final class SqlStatements {
    /**
     * One statement, the 1-based line of the script its first word is on, and the offset in the script
     * of its text's first character (the text may start with a comment that precedes the first word).
     */
    record Statement(String sql, int line, int offset) {
        /** A statement whose offset in the script is unknown. */
        Statement(String sql, int line) {
            this(sql, line, -1);
        }
    }

    private SqlStatements() {
    }

    static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Body body = new Body();
        int line = 1;
        int startLine = -1;
        int begun = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            int end = i + 1;
            if (Character.isLetter(c) || c == '_') {
                end = wordEnd(script, i);
                body.word(script.substring(i, end));
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                end = blockCommentEnd(script, i);
            } else if (c == '\'' || c == '"') {
                end = quotedEnd(script, i, c);
            } else if (c == '$') {
                end = dollarEnd(script, i);
            } else if (c == ';' && !body.open()) {
                addIfNotBlank(statements, current, startLine, begun);
                current.setLength(0);
                body = new Body();
                startLine = -1;
                i++;
                begun = i;
                continue;
            }
            String piece = script.substring(i, end);
            if (startLine < 0 && !piece.isBlank() && !piece.startsWith("--") && !piece.startsWith("/*")) {
                startLine = line + leadingNewlines(piece);
            }
            current.append(piece);
            line += piece.chars().filter(ch -> ch == '\n').count();
            i = end;
        }
        addIfNotBlank(statements, current, startLine, begun);
        return statements;
    }

    /**
     * Where a statement is in a SQL-standard function body, as psql tracks it: in a {@code CREATE [OR
     * REPLACE] FUNCTION} or {@code PROCEDURE}, {@code BEGIN} opens a block, and within one {@code CASE}
     * opens and {@code END} closes one; a semicolon inside a block does not end the statement.
     */
    private static final class Body {
        private int words;
        private boolean routine;
        private boolean orReplace;
        private int depth;

        void word(String word) {
            String w = word.toLowerCase(java.util.Locale.ROOT);
            words++;
            if (words == 1 && !w.equals("create")) {
                words = Integer.MIN_VALUE; // not a CREATE: no body to track
            } else if (words == 2 && w.equals("or")) {
                orReplace = true;
            } else if (words == (orReplace ? 4 : 2)) {
                routine = w.equals("function") || w.equals("procedure");
            } else if (routine && w.equals("begin")) {
                depth++;
            } else if (routine && depth > 0 && w.equals("case")) {
                depth++;
            } else if (routine && depth > 0 && w.equals("end")) {
                depth--;
            }
        }

        boolean open() {
            return depth > 0;
        }
    }

    private static int wordEnd(String s, int start) {
        int i = start + 1;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    private static void addIfNotBlank(List<Statement> out, StringBuilder sql, int line, int begun) {
        String text = sql.toString();
        if (line > 0 && !text.isBlank()) {
            int leading = 0;
            while (leading < text.length() && Character.isWhitespace(text.charAt(leading))) {
                leading++;
            }
            out.add(new Statement(text.strip(), line, begun + leading));
        }
    }

    private static int leadingNewlines(String piece) {
        int count = 0;
        for (char c : piece.toCharArray()) {
            if (c == '\n') {
                count++;
            } else if (!Character.isWhitespace(c)) {
                break;
            }
        }
        return count;
    }

    private static int blockCommentEnd(String s, int start) {
        int depth = 0;
        int i = start;
        while (i < s.length() - 1) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int quotedEnd(String s, int start, char quote) {
        boolean backslashEscapes = quote == '\'' && start > 0 && (s.charAt(start - 1) == 'E' || s.charAt(start - 1) == 'e');
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static int dollarEnd(String s, int start) {
        int close = start + 1;
        while (close < s.length() && (Character.isLetterOrDigit(s.charAt(close)) || s.charAt(close) == '_')) {
            close++;
        }
        if (close >= s.length() || s.charAt(close) != '$' || (close > start + 1 && Character.isDigit(s.charAt(start + 1)))) {
            return start + 1; // a positional parameter such as $1, not a dollar quote
        }
        String tag = s.substring(start, close + 1);
        int end = s.indexOf(tag, close + 1);
        return end < 0 ? s.length() : end + tag.length();
    }
}
