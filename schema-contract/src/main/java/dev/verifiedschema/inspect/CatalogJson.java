package dev.verifiedschema.inspect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the catalog SQL sends (each row as {@code to_jsonb}, and a few values that are JSON text
 * themselves) read with Jackson's streaming parser, and the JSON arrays of names it is sent. Not with
 * Jackson's object mapper: that costs about 300 ms of class loading and introspection the first time in
 * a JVM, on the path of every first verification (a test JVM's, a command line run's), where this
 * parser costs about 45 ms.
 */
final class CatalogJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private CatalogJson() {
    }

    /**
     * A JSON object, its values as the catalog SQL sends them: strings, numbers and booleans as their
     * text ({@code Boolean} for booleans), {@code null}, nested arrays as lists and objects as maps.
     */
    static Map<String, Object> object(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalStateException("Unreadable row from the catalog (not an object): " + json);
            }
            return readObject(parser);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable row from the catalog: " + e.getMessage() + ": " + json, e);
        }
    }

    /** A JSON array of strings (index INCLUDE columns, key options). */
    static List<String> strings(String json) {
        List<Object> values;
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("Unreadable list from the catalog (not an array): " + json);
            }
            values = readArray(parser);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable list from the catalog: " + e.getMessage() + ": " + json, e);
        }
        List<String> strings = new ArrayList<>(values.size());
        values.forEach(v -> strings.add(v == null ? null : v.toString()));
        return java.util.Collections.unmodifiableList(strings);
    }

    /** Names as a JSON array, as the narrowed catalog queries take them. */
    static String array(Collection<String> names) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.writeStartArray();
            for (String name : names) {
                generator.writeString(name);
            }
            generator.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            values.put(name, readValue(parser, parser.nextToken()));
        }
        return values;
    }

    private static List<Object> readArray(JsonParser parser) throws IOException {
        List<Object> values = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            values.add(readValue(parser, token));
        }
        return values;
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            default -> throw new IOException("unexpected " + token);
        };
    }
}
