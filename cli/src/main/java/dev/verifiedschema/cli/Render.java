package dev.verifiedschema.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verifiedschema.migrate.StairwayJUnit;


/** Turns a {@link Result} into text, JSON, JUnit XML or Markdown. */
final class Render {
    /** Jackson, loaded only by a JSON output (a text run has no use for it: a short process pays for every class). */
    private static final class Mapper {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** The output formats, as {@code --format} spells them. */
    enum Format { text, json, junit, markdown }

    private Render() {
    }

    static String render(Result result, Format format, boolean colour) {
        return switch (format) {
            case text -> text(result, colour);
            case json -> json(result);
            case junit -> junit(result);
            case markdown -> markdown(result);
        };
    }

    static String text(Result result, boolean colour) {
        if (result.raw() != null) {
            return result.raw();
        }
        StringBuilder out = new StringBuilder();
        String summary = result.summary();
        boolean ownVerdict = summary.startsWith("GO:") || summary.startsWith("NO-GO:");
        String verdict = ownVerdict ? summary.substring(0, summary.indexOf(':')) : result.failed() ? "FAILED" : "OK";
        String rest = ownVerdict ? summary.substring(summary.indexOf(':') + 2) : summary;
        out.append(colour ? (result.failed() ? "\u001B[31m" : "\u001B[32m") + verdict + "\u001B[0m" : verdict)
                .append(": ").append(rest).append('\n');
        for (Result.Finding f : result.findings()) {
            if (f.failed()) {
                out.append("  - ").append(f.name()).append(": ").append(f.message().replace("\n", "\n    ")).append('\n');
            }
        }
        if (!result.details().isBlank()) {
            out.append('\n').append(result.details().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String json(Result result) {
        ObjectMapper json = Mapper.JSON;
        ObjectNode root = json.createObjectNode();
        root.put("command", result.command());
        root.put("ok", !result.failed());
        root.put("summary", result.summary());
        ArrayNode findings = root.putArray("findings");
        for (Result.Finding f : result.findings()) {
            findings.addObject().put("name", f.name()).put("message", f.message()).put("failed", f.failed());
        }
        try {
            ObjectNode data = root.putObject("data");
            for (var entry : result.data().entrySet()) {
                data.set(entry.getKey(), entry.getValue() instanceof Result.Json text ? json.readTree(text.text())
                        : json.valueToTree(entry.getValue()));
            }
            root.put("details", result.raw() != null ? result.raw() : result.details());
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON output", e);
        }
    }

    static String junit(Result result) {
        if (result.junit() != null) {
            return result.junit();
        }
        long failures = result.findings().stream().filter(Result.Finding::failed).count();
        boolean verdictOnly = result.findings().isEmpty() || (result.failed() && failures == 0);
        int tests = result.findings().size() + (verdictOnly ? 1 : 0);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"verified-schema ").append(xml(result.command())).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures + (verdictOnly && result.failed() ? 1 : 0))
                .append("\" errors=\"0\" skipped=\"0\">\n");
        for (Result.Finding f : result.findings()) {
            xml.append("  <testcase classname=\"verified-schema.").append(xml(result.command())).append("\" name=\"")
                    .append(xml(f.name())).append("\"");
            if (f.failed()) {
                xml.append(">\n    <failure message=\"").append(xml(firstLine(f.message()))).append("\">")
                        .append(xml(f.message())).append("</failure>\n  </testcase>\n");
            } else {
                xml.append("/>\n");
            }
        }
        if (verdictOnly) {
            xml.append("  <testcase classname=\"verified-schema.").append(xml(result.command())).append("\" name=\"")
                    .append(xml(result.command())).append("\"");
            xml.append(result.failed() ? ">\n    <failure message=\"" + xml(result.summary()) + "\"/>\n  </testcase>\n"
                    : "/>\n");
        }
        if (!result.details().isBlank()) {
            xml.append("  <system-out>").append(xml(result.details())).append("</system-out>\n");
        }
        return xml.append("</testsuite>\n").toString();
    }

    static String markdown(Result result) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(result.failed() ? "❌" : "✅").append(" verified-schema ").append(result.command())
                .append("\n\n").append(result.summary()).append("\n");
        if (!result.findings().isEmpty()) {
            md.append("\n| | check | result |\n|---|---|---|\n");
            for (Result.Finding f : result.findings()) {
                md.append("| ").append(f.failed() ? "❌" : "✅").append(" | `").append(f.name().replace("|", "\\|"))
                        .append("` | ").append(f.message().replace("|", "\\|").replace("\n", "<br>")).append(" |\n");
            }
        }
        if (!result.details().isBlank()) {
            md.append("\n<details><summary>Details</summary>\n\n```\n").append(result.details().stripTrailing())
                    .append("\n```\n</details>\n");
        }
        return md.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String xml(String s) {
        return StairwayJUnit.xmlText(s);
    }
}
