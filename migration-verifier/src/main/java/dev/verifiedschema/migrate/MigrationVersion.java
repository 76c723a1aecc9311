package dev.verifiedschema.migrate;

/**
 * A Flyway version, read, compared and printed by Flyway's own
 * {@link org.flywaydb.core.api.MigrationVersion}: {@code 1_5} is {@code 1.5}, parts compare as numbers
 * ({@code 1 < 1.1 < 1.2 < 2 < 10}, {@code 1.10} after {@code 1.9}), {@code 01} equals {@code 1} and
 * {@code 1.0} equals {@code 1}; a timestamp such as {@code 20240101120000} is one large part.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
    private final org.flywaydb.core.api.MigrationVersion flyway;

    private MigrationVersion(org.flywaydb.core.api.MigrationVersion flyway) {
        this.flyway = flyway;
    }

    /** Parses a version as Flyway does ({@code 1_5}, {@code 1.5}), or returns {@code null} when Flyway would not. */
    public static MigrationVersion parse(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            org.flywaydb.core.api.MigrationVersion version = org.flywaydb.core.api.MigrationVersion.fromVersion(written);
            return version == null || version.isPredefined() ? null : new MigrationVersion(version);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The same version in Flyway's own type. */
    static MigrationVersion of(org.flywaydb.core.api.MigrationVersion flyway) {
        return new MigrationVersion(flyway);
    }

    /** The version as Flyway prints it and writes it into its history table (underscores as dots). */
    public String text() {
        return flyway.getVersion();
    }

    /** The version with leading zeros and trailing {@code .0} parts removed ({@code 01.50.0} is {@code 1.50}). */
    String canonical() {
        String[] parts = text().split("\\.");
        int end = parts.length;
        while (end > 1 && new java.math.BigInteger(parts[end - 1]).signum() == 0) {
            end--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < end; i++) {
            out.append(i == 0 ? "" : ".").append(new java.math.BigInteger(parts[i]));
        }
        return out.toString();
    }

    @Override
    public int compareTo(MigrationVersion other) {
        return flyway.compareTo(other.flyway);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationVersion v && flyway.equals(v.flyway);
    }

    @Override
    public int hashCode() {
        return flyway.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
