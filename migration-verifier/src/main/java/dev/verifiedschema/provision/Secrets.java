package dev.verifiedschema.provision;

import java.util.Locale;

/**
 * Keeps passwords out of every message and log line. URLs are masked by reading them as pgjdbc and
 * libpq read them, not by a pattern: the user information of {@code scheme://user:password@host}
 * ends at the last {@code @} before the query, so a password may hold {@code @}, {@code /} or
 * {@code :}; a {@code password} parameter's value ends where the next parameter starts, so it may
 * hold {@code @} or {@code ;}. A URL inside a longer text (an exception's message) is masked in place.
 */
public final class Secrets {
    private static final String MASK = "****";
    private static final String BARE_JDBC = "jdbc:postgresql:";

    private Secrets() {
    }

    /** The text with the password of every URL in it masked: {@code user:****@}, {@code password=****}. */
    public static String maskUrl(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            int scheme = text.indexOf("://", from);
            int bare = text.indexOf(BARE_JDBC, from);
            if (bare >= 0 && (scheme < 0 || bare < scheme) && !text.startsWith("//", bare + BARE_JDBC.length())) {
                // jdbc:postgresql:database?password=...: no host, no user information
                int start = bare + BARE_JDBC.length();
                int end = passwordCutShort(text, start, tokenEnd(text, start));
                String rest = text.substring(start, end);
                int query = rest.indexOf('?');
                out.append(text, from, start).append(query < 0 ? rest : rest.substring(0, query)
                        + maskParameters(rest.substring(query)));
                from = end;
                continue;
            }
            if (scheme < 0) {
                return out.append(text, from, text.length()).toString();
            }
            int start = scheme + 3;
            int end = passwordCutShort(text, start, tokenEnd(text, start));
            out.append(text, from, start).append(maskAfterScheme(text.substring(start, end)));
            from = end;
        }
    }

    /**
     * Where a URL really ends when white space or a quote inside its password ended the token early: a
     * {@code user:pa ss@host} goes on to the next {@code @} on the line, unless what follows the colon is a
     * port ({@code host:5432}, {@code host:5432/db}); a {@code password=} that is the token's last parameter goes on when a {@code &key=} or
     * {@code ;key=} follows on the line (the URL's parameters go on). A password with white space that is the
     * URL's last parameter cannot be told from the text after it; where the toolkit knows the password it is
     * masked on its own ({@link #mask(String, String)}).
     */
    private static int passwordCutShort(String text, int start, int end) {
        int lineEnd = text.indexOf('\n', start);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        if (end >= lineEnd) {
            return end;
        }
        String token = text.substring(start, end);
        int colon = token.indexOf(':');
        int at = text.indexOf('@', end);
        if (colon >= 0 && token.indexOf('?') < 0 && !token.substring(colon + 1).matches("\\d+(/.*)?")
                && at >= 0 && at < lineEnd && !text.substring(end, at).contains("://")) {
            return tokenEnd(text, at); // user:<password with white space, '/' or '@'>@host
        }
        int password = token.toLowerCase(Locale.ROOT).lastIndexOf("password=");
        if (password >= 0 && token.indexOf('?') >= 0 && token.indexOf('?') < password
                && nextParameter(token, password + "password=".length()) == token.length()) {
            String line = text.substring(0, lineEnd);
            int next = nextParameter(line, end);
            if (next < lineEnd && !line.substring(end, next).contains("://")) {
                return tokenEnd(text, next); // the URL's parameters go on after the value's white space
            }
        }
        return end;
    }

    /** Where a URL that starts at {@code start} ends in a text: at white space, a quote or an angle bracket. */
    private static int tokenEnd(String text, int start) {
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"'
                && text.charAt(end) != '\'' && text.charAt(end) != '<' && text.charAt(end) != '>') {
            end++;
        }
        return end;
    }

    /** {@code user:password@host:port/db?a=b&password=p}: the part of a URL after {@code ://}, masked. */
    private static String maskAfterScheme(String rest) {
        int at = userInfoEnd(rest);
        int query = rest.indexOf('?', Math.max(at, 0));
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        String params = query < 0 ? "" : rest.substring(query);
        if (at >= 0) {
            int colon = beforeQuery.indexOf(':');
            if (colon >= 0 && colon < at) {
                beforeQuery = beforeQuery.substring(0, colon + 1) + MASK + beforeQuery.substring(at);
            }
        }
        return beforeQuery + maskParameters(params);
    }

    /**
     * Where the user information ends: the last {@code @}, unless what comes before it reads as a
     * query ({@code ?key=}): then that {@code @} belongs to a parameter's value and there is none.
     */
    private static int userInfoEnd(String rest) {
        int at = rest.lastIndexOf('@');
        if (at < 0) {
            return -1;
        }
        String before = rest.substring(0, at);
        for (int q = before.indexOf('?'); q >= 0; q = before.indexOf('?', q + 1)) {
            if (startsKey(before, q + 1)) {
                return -1;
            }
        }
        return at;
    }

    /**
     * Masks the value of each {@code password} parameter of {@code ?a=b&password=p} (or pgjdbc's
     * {@code ;} separated form): a value runs to the next separator that starts another
     * {@code key=}, so a password holding {@code &} or {@code ;} is masked whole.
     */
    private static String maskParameters(String params) {
        if (params.isEmpty()) {
            return params;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < params.length()) {
            char c = params.charAt(i);
            out.append(c);
            i++;
            if (c != '?' && c != '&' && c != ';') {
                continue;
            }
            int eq = params.indexOf('=', i);
            if (eq < 0) {
                continue;
            }
            String key = params.substring(i, eq);
            if (!key.toLowerCase(Locale.ROOT).endsWith("password")) { // password, sslpassword
                continue;
            }
            int valueEnd = nextParameter(params, eq + 1);
            out.append(key).append('=').append(MASK);
            i = valueEnd;
        }
        return out.toString();
    }

    /** The index of the separator that starts the next {@code key=} after a value, or the end. */
    private static int nextParameter(String params, int valueStart) {
        for (int j = valueStart; j < params.length(); j++) {
            char c = params.charAt(j);
            if ((c == '&' || c == ';') && startsKey(params, j + 1)) {
                return j;
            }
        }
        return params.length();
    }

    private static boolean startsKey(String params, int from) {
        int j = from;
        while (j < params.length() && (Character.isLetterOrDigit(params.charAt(j)) || params.charAt(j) == '_'
                || params.charAt(j) == '-' || params.charAt(j) == '.')) {
            j++;
        }
        return j > from && j < params.length() && params.charAt(j) == '=';
    }

    /** The text with every occurrence of the password replaced by {@code ****}, and every URL masked. */
    public static String mask(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return maskUrl(text);
        }
        return maskUrl(text.replace(password, MASK));
    }
}
