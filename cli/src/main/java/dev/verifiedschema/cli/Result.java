package dev.verifiedschema.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command found, independent of the output format: a verdict, one finding per problem or
 * check, free text details (a report, SQL) and structured data for JSON.
 */
final class Result {
    /** One checked thing: its name (a step, a table.column, a rule at file:line), and a message. */
    record Finding(String name, String message, boolean failed) {
    }

    private final String command;
    private String junit;
    private String summary;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String details = "";
    private boolean failed;
    private String raw;

    Result(String command) {
        this.command = command;
    }

    String command() {
        return command;
    }

    Result summary(String text) {
        this.summary = text;
        return this;
    }

    String summary() {
        return summary;
    }

    /** Adds a problem: the command will exit 1. */
    Result problem(String name, String message) {
        findings.add(new Finding(name, message, true));
        failed = true;
        return this;
    }

    /** Adds a check that held, listed in reports (JUnit XML shows it as a passed test case). */
    Result passed(String name, String message) {
        findings.add(new Finding(name, message, false));
        return this;
    }

    /** JUnit XML of its own (a stairway's, one case per step), instead of one case per finding. */
    Result junit(String xml) {
        this.junit = xml;
        return this;
    }

    String junit() {
        return junit;
    }

    /** Marks the result failed without a finding of its own (e.g. NO-GO). */
    Result fail() {
        failed = true;
        return this;
    }

    /** Text output is exactly this (for commands whose output is meant to be piped, such as SQL or YAML). */
    Result raw(String text) {
        this.raw = text;
        return this;
    }

    String raw() {
        return raw;
    }

    Result details(String text) {
        this.details = text == null ? "" : text;
        return this;
    }

    String details() {
        return details;
    }

    /**
     * A value that is JSON text already (a report's own JSON): the JSON output embeds it as JSON, and no
     * other format needs to parse it, so a text run does not load a JSON library for it.
     */
    record Json(String text) {
    }

    Result put(String key, Object value) {
        data.put(key, value);
        return this;
    }

    Map<String, Object> data() {
        return data;
    }

    List<Finding> findings() {
        return findings;
    }

    boolean failed() {
        return failed;
    }
}
