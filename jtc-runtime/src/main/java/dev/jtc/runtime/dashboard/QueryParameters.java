package dev.jtc.runtime.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The query string of an API request, with bounded integer parameters. */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    static QueryParameters parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.putIfAbsent(name, value);
            }
        }
        return new QueryParameters(values);
    }

    /**
     * The integer parameter {@code name}, {@code fallback} when absent.
     *
     * @throws BadRequest if it is not a whole number between {@code min} and {@code max}
     */
    int integer(String name, int fallback, int min, int max) {
        String text = values.get(name);
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new BadRequest("query parameter " + name + "=" + text + " is not a whole number from " + min + " to " + max,
                "for example ?" + name + "=" + fallback);
    }

    /** The parameter {@code name} as it was given; {@code fallback} when absent or empty. */
    String text(String name, String fallback) {
        String text = values.get(name);
        return text == null || text.isEmpty() ? fallback : text;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed query string: " + text, "percent-encode special characters (%3D for =)");
        }
    }
}
