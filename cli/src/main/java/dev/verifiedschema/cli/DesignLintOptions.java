package dev.verifiedschema.cli;

import dev.verifiedschema.contract.DesignLintSettings;
import dev.verifiedschema.crawler.DesignFinding;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code --design-lint on|off} and {@code --design-lint-fail-on SEVERITY}: they change the contract's
 * {@code designLint:} section (docs/design-lint.md), they do not replace it.
 */
final class DesignLintOptions {
    @Option(names = "--design-lint", paramLabel = "on|off",
            description = "run the design lint of the head (default: as the contract's designLint: says, else off)")
    String designLint;

    @Option(names = "--design-lint-fail-on", paramLabel = "SEVERITY",
            description = "fail on design flaws of this severity and above: low, medium, high, critical, or none "
                    + "(default: the contract's designLint.failOn, else none); turns the lint on")
    String failOn;

    /** The settings to run with: the contract's (or none), changed by these options. */
    DesignLintSettings apply(DesignLintSettings base) {
        try {
            base.switchedBy(designLint, null);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--design-lint " + designLint + ": allowed values are on, off");
        }
        try {
            return base.switchedBy(designLint, failOn);
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--design-lint-fail-on " + failOn
                    + ": allowed values are none, low, medium, high, critical");
        }
    }

    /** The findings as a JSON array, in the fields of the stairway report's {@code designLint}. */
    static String json(List<DesignFinding> found) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator json = new com.fasterxml.jackson.core.JsonFactory()
                .createGenerator(out)) {
            json.writeStartArray();
            for (DesignFinding f : found) {
                f.write(json);
            }
            json.writeEndArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
