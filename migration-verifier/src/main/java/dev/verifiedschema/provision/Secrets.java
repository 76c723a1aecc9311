package dev.verifiedschema.provision;

import java.util.regex.Pattern;

/** Keeps passwords out of every message and log line. */
public final class Secrets {
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;\\s]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]+:)[^@/\\s]*@");

    private Secrets() {
    }

    /** The JDBC URL with any {@code password=} parameter or {@code user:password@} part masked. */
    public static String maskUrl(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        String masked = URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1****");
        return USER_INFO.matcher(masked).replaceAll("$1****@");
    }

    /** The text with every occurrence of the password replaced by {@code ****}. */
    public static String mask(String text, String password) {
        if (text == null || password == null || password.isEmpty()) {
            return maskUrl(text);
        }
        return maskUrl(text.replace(password, "****"));
    }
}
