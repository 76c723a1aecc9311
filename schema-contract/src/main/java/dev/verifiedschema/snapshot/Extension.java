package dev.verifiedschema.snapshot;

/**
 * An extension installed in the schema ({@code CREATE EXTENSION ... SCHEMA} it, or with it first on
 * the search path): its own objects are never part of a snapshot, the extension itself is.
 *
 * @param name    the extension name, for example {@code pgcrypto}
 * @param version the installed version, for example {@code 1.3}
 */
public record Extension(String name, String version) {
}
