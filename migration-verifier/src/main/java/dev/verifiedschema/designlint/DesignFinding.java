package dev.verifiedschema.designlint;

import dev.verifiedschema.contract.DesignLintSettings.Severity;

import java.util.Objects;

/**
 * One thing the design lint found in the verified schema: which rule, how much it matters, where,
 * what SchemaCrawler's linter says, and what to do about it.
 *
 * @param rule     the rule's name ({@code foreign-key-without-index}), or a team rule's name
 * @param severity its severity under the run's settings
 * @param table    the table concerned, as the schema spells it, or {@code null} for the schema as a whole
 * @param detail   the object within the table (a foreign key, an index, columns), or empty
 * @param message  what the linter found, one sentence
 * @param advice   what to do about it, one sentence
 * @param fails    whether this finding fails the verification (its severity reaches {@code failOn})
 */
public record DesignFinding(String rule, Severity severity, String table, String detail, String message,
                            String advice, boolean fails) {
    public DesignFinding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        detail = detail == null ? "" : detail;
        advice = advice == null ? "" : advice;
    }

    /** {@code users.email} or {@code orders (fk_orders_customer)}: the object, for reports and baselines. */
    public String object() {
        String where = table == null ? "the schema" : table;
        return detail.isEmpty() ? where : where + " (" + detail + ")";
    }

    /** {@code [medium] foreign-key-without-index: orders (fk_orders_customer): ... . Index ...}: one line. */
    public String describe() {
        return "[" + severity.label() + "] " + rule + ": " + object() + ": " + message
                + (advice.isEmpty() ? "" : ". " + advice);
    }
}
