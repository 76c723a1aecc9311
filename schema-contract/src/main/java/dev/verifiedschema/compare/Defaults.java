package dev.verifiedschema.compare;

import java.util.Locale;

/** Compares a default written in a contract with the expression PostgreSQL prints. */
final class Defaults {
    private Defaults() {
    }

    /**
     * Whether the contract's default means the catalog's: equal as written, or equal once the
     * catalog's trailing casts ({@code 'open'::character varying}) and case of keywords are ignored.
     */
    static boolean same(String written, String actual) {
        if (actual == null) {
            return false;
        }
        return canonical(written).equals(canonical(actual));
    }

    private static String canonical(String expression) {
        String s = expression.strip();
        while (s.matches("(?s).*::[\\w .\"]+(\\([0-9, ]+\\))?(\\[])?")) {
            s = s.substring(0, s.lastIndexOf("::")).strip();
        }
        if (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s.startsWith("'") ? s : s.toLowerCase(Locale.ROOT);
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
