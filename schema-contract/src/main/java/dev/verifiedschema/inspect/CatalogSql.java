package dev.verifiedschema.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the pg_catalog SQL that lives next to this package's classes as {@code .sql} resources. */
final class CatalogSql {
    private CatalogSql() {
    }

    /** The text of {@code <name>.sql} in this package's resource folder. */
    static String read(String name) {
        String resource = name + ".sql";
        try (InputStream in = CatalogSql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing catalog query resource " + resource
                        + " next to " + CatalogSql.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read catalog query resource " + resource, e);
        }
    }
}
