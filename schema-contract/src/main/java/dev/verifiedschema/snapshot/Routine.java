package dev.verifiedschema.snapshot;

/**
 * A function or procedure.
 *
 * @param signature  name and argument types, for example {@code touch_updated_at()}
 * @param kind       {@code function}, {@code procedure}, {@code aggregate} or {@code window}
 * @param returnType the result type, or {@code null} for procedures
 * @param language   the implementation language, for example {@code plpgsql}
 * @param body       the source text of the body
 */
public record Routine(String signature, String kind, String returnType, String language, String body) {
}
