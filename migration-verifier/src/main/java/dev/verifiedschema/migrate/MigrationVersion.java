package dev.verifiedschema.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Flyway version ({@code 1}, {@code 1.1}, {@code 2_3} = {@code 2.3}), compared part by part as
 * numbers, so {@code 1.10} comes after {@code 1.9} and {@code 01} equals {@code 1}.
 *
 * @param text the version as Flyway prints it (underscores as dots, leading zeros removed)
 */
public record MigrationVersion(String text) implements Comparable<MigrationVersion> {
    private static final Pattern SYNTAX = Pattern.compile("\\d+([._]\\d+)*");

    /** Parses the version part of a file name, or returns {@code null} when it is not a version. */
    public static MigrationVersion parse(String written) {
        if (!SYNTAX.matcher(written).matches()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : written.split("[._]")) {
            parts.add(new BigInteger(part).toString());
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).equals("0")) {
            parts.remove(parts.size() - 1);
        }
        return new MigrationVersion(String.join(".", parts));
    }

    @Override
    public int compareTo(MigrationVersion other) {
        String[] a = text.split("\\.");
        String[] b = other.text.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            BigInteger x = i < a.length ? new BigInteger(a[i]) : BigInteger.ZERO;
            BigInteger y = i < b.length ? new BigInteger(b[i]) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
