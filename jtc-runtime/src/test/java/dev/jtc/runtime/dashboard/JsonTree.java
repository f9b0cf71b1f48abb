package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an API answer into maps, lists and scalars, so tests can walk it without a data-binding library. */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Object root;

    private JsonTree(Object root) {
        this.root = root;
    }

    static JsonTree parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            parser.nextToken();
            Object root = value(parser);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value: " + json);
            }
            return new JsonTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The value at a path such as {@code "failed.jobs.0.reason"}; list indexes are numbers. */
    Object at(String path) {
        Object node = root;
        for (String step : path.split("\\.")) {
            if (node instanceof Map<?, ?> map) {
                if (!map.containsKey(step)) {
                    throw new AssertionError("no field '" + step + "' in " + map.keySet() + " (path " + path + ")");
                }
                node = map.get(step);
            } else if (node instanceof List<?> list) {
                node = list.get(Integer.parseInt(step));
            } else {
                throw new AssertionError("cannot step into " + node + " at '" + step + "' (path " + path + ")");
            }
        }
        return node;
    }

    String string(String path) {
        return (String) at(path);
    }

    long number(String path) {
        return ((Number) at(path)).longValue();
    }

    List<?> list(String path) {
        return (List<?>) at(path);
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        }
    }
}
