package dev.verifiedschema.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.verifiedschema.compare.Violation;

import java.util.List;

/**
 * Renders violations for machines. The format is stable and documented in {@code docs/health-check.md}:
 * <pre>{@code
 * {"schema": "public", "contract": "talentai-contract.yaml", "healthy": false,
 *  "violations": [{"kind": "MISSING_COLUMN", "table": "users", "object": "consent_updated_at",
 *                  "expected": "timestamp without time zone", "found": null,
 *                  "message": "missing column consent_updated_at (...)", "fix": "..."}],
 *  "remediationSql": "ALTER TABLE ..."}
 * }</pre>
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The violations as a JSON object, with the remediation SQL when given (may be {@code null}). */
    public static String render(List<Violation> violations, String schema, String contractSource,
                                String remediationSql) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", schema);
        root.put("contract", contractSource);
        root.put("healthy", violations.isEmpty());
        ArrayNode list = root.putArray("violations");
        for (Violation v : violations) {
            ObjectNode item = list.addObject();
            item.put("kind", v.kind().name());
            item.put("table", v.table());
            item.put("object", v.object());
            item.put("expected", v.expected());
            item.put("found", v.found());
            item.put("message", v.describe());
            item.put("fix", v.kind().fix());
        }
        root.put("remediationSql", remediationSql);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
