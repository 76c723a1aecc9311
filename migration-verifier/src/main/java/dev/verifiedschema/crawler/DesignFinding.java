package dev.verifiedschema.crawler;

import dev.verifiedschema.contract.DesignLintSettings.Severity;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
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

    /**
     * Writes this finding as a JSON object: {@code rule}, {@code severity}, {@code table}, {@code detail},
     * {@code object}, {@code message}, {@code advice}, {@code fails} (the stairway report's and {@code check}'s
     * {@code designLint} entries).
     */
    public void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", rule);
        json.writeStringField("severity", severity.label());
        json.writeStringField("table", table);
        json.writeStringField("detail", detail);
        json.writeStringField("object", object());
        json.writeStringField("message", message);
        json.writeStringField("advice", advice);
        json.writeBooleanField("fails", fails);
        json.writeEndObject();
    }

    /** {@code [medium] foreign-key-without-index: orders (fk_orders_customer): ... . Index ...}: one line. */
    public String describe() {
        return "[" + severity.label() + "] " + rule + ": " + object() + ": " + message
                + (advice.isEmpty() ? "" : ". " + advice);
    }

    /**
     * The warnings among these findings (those that do not fail) as the text reports' section, one line
     * each under a heading, or empty when there are none.
     */
    public static String warnings(java.util.List<DesignFinding> found) {
        java.util.List<DesignFinding> warnings = found.stream().filter(f -> !f.fails()).toList();
        if (warnings.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Design lint of the head: ").append(warnings.size()).append(" warning")
                .append(warnings.size() == 1 ? "" : "s")
                .append(" (they fail nothing; docs/design-lint.md says how to fix, silence or gate them):\n");
        warnings.forEach(f -> text.append("  - ").append(f.describe()).append('\n'));
        return text.toString();
    }
}
