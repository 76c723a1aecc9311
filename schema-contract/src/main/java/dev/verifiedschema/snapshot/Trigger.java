package dev.verifiedschema.snapshot;

/**
 * A trigger on a table.
 *
 * @param name       the trigger name
 * @param definition the full definition as PostgreSQL prints it ({@code CREATE TRIGGER ...})
 */
public record Trigger(String name, String definition) {
}
