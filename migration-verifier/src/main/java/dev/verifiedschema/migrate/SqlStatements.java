package dev.verifiedschema.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at top-level semicolons, respecting quotes, quoted
 * identifiers, dollar quoting and comments, and remembers the line each statement starts on.
 */
final class SqlStatements {
    /** One statement and the 1-based line of the script it starts on. */
    record Statement(String sql, int line) {
    }

    private SqlStatements() {
    }

    static List<Statement> split(String script) {
        List<Statement> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            int end = i + 1;
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                end = blockCommentEnd(script, i);
            } else if (c == '\'' || c == '"') {
                end = quotedEnd(script, i, c);
            } else if (c == '$') {
                end = dollarEnd(script, i);
            } else if (c == ';') {
                addIfNotBlank(statements, current, startLine);
                current.setLength(0);
                startLine = -1;
                i++;
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
        addIfNotBlank(statements, current, startLine);
        return statements;
    }

    private static void addIfNotBlank(List<Statement> out, StringBuilder sql, int line) {
        if (line > 0 && !sql.toString().isBlank()) {
            out.add(new Statement(sql.toString().strip(), line));
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
