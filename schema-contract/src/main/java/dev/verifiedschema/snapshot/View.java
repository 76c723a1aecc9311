package dev.verifiedschema.snapshot;

/**
 * A view or materialised view.
 *
 * @param name         the view name
 * @param materialized whether it is a materialised view
 * @param definition   the view's query as PostgreSQL prints it
 */
public record View(String name, boolean materialized, String definition) {
}
