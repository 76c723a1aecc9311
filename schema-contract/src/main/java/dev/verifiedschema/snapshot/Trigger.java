package dev.verifiedschema.snapshot;

/**
 * A trigger on a table.
 *
 * @param name       the trigger name
 * @param definition the full definition as PostgreSQL prints it ({@code CREATE TRIGGER ...}), followed by
 *                   {@code DISABLE}, {@code ENABLE REPLICA} or {@code ENABLE ALWAYS} when
 *                   {@code ALTER TABLE} set the trigger so
 */
public record Trigger(String name, String definition) {
}
