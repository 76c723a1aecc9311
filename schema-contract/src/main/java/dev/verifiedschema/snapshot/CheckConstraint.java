package dev.verifiedschema.snapshot;

/**
 * A check constraint.
 *
 * @param name       the constraint name
 * @param expression the check expression as PostgreSQL prints it, for example
 *                   {@code CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text])))}
 */
public record CheckConstraint(String name, String expression) {
}
