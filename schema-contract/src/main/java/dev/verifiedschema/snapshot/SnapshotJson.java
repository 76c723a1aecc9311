package dev.verifiedschema.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes {@link SchemaSnapshot}s as JSON. The field names are those of the records and
 * are stable; keys are written in sorted order so that two equal snapshots give identical text.
 */
public final class SnapshotJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SnapshotJson() {
    }

    /** The snapshot as indented JSON. */
    public static String write(SchemaSnapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the snapshot of schema " + snapshot.schema()
                    + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a snapshot written by {@link #write(SchemaSnapshot)}. */
    public static SchemaSnapshot read(String json) {
        try {
            return MAPPER.readValue(json, SchemaSnapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("This text is not a schema snapshot in JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
