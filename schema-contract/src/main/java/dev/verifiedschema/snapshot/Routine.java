package dev.verifiedschema.snapshot;

/**
 * A function or procedure.
 *
 * @param signature  name and argument types, for example {@code touch_updated_at()}
 * @param kind       {@code function}, {@code procedure}, {@code aggregate} or {@code window}
 * @param returnType the result type, or {@code null} for procedures
 * @param language   the implementation language, for example {@code plpgsql}
 * @param body       the source text of the body
 * @param options    what else {@code CREATE FUNCTION} says where it differs from PostgreSQL's default, in
 *                   its words and order: volatility, {@code STRICT}, {@code SECURITY DEFINER},
 *                   {@code LEAKPROOF}, {@code PARALLEL}, {@code COST}, {@code ROWS} and every {@code SET}
 *                   (for example {@code STABLE SECURITY DEFINER SET search_path=public, pg_temp});
 *                   empty when there is nothing to say
 */
public record Routine(String signature, String kind, String returnType, String language, String body,
                      String options) {
    public Routine {
        options = options == null ? "" : options;
    }

    /**
     * A routine with PostgreSQL's default options.
     *
     * @param signature  name and argument types
     * @param kind       {@code function}, {@code procedure}, {@code aggregate} or {@code window}
     * @param returnType the result type, or {@code null} for procedures
     * @param language   the implementation language
     * @param body       the source text of the body
     */
    public Routine(String signature, String kind, String returnType, String language, String body) {
        this(signature, kind, returnType, language, body, "");
    }
}
