package dev.jtc.bench.jmh;

import dev.jtc.bench.jmh.ShipOrder.LineItem;
import java.util.Map;

/**
 * A baseline: the same JSON text as {@link JtcShipOrder} produces, appended to a
 * {@link StringBuilder} by hand with only the string escaping JSON needs. No library at all;
 * the least work that can produce this payload.
 */
final class StringBuilderShipOrder {

    private StringBuilderShipOrder() {}

    static String encode(ShipOrder order) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"orderId\":");
        string(json, order.orderId().toString());
        json.append(",\"items\":[");
        boolean first = true;
        for (LineItem item : order.items()) {
            json.append(first ? "{\"sku\":" : ",{\"sku\":");
            first = false;
            string(json, item.sku());
            json.append(",\"quantity\":").append(item.quantity()).append(",\"price\":");
            string(json, item.price().toString());
            json.append('}');
        }
        json.append("],\"address\":{\"street\":");
        string(json, order.address().street());
        json.append(",\"city\":");
        string(json, order.address().city());
        json.append(",\"zip\":");
        string(json, order.address().zip().orElse(null));
        json.append("},\"notBefore\":");
        string(json, order.notBefore().map(Object::toString).orElse(null));
        json.append(",\"stock\":{");
        first = true;
        for (Map.Entry<String, Integer> entry : order.stock().entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, entry.getKey());
            json.append(':').append(entry.getValue() == null ? "null" : entry.getValue().toString());
        }
        json.append("},\"priority\":");
        string(json, order.priority().name());
        json.append(",\"total\":");
        string(json, order.total().toString());
        return json.append('}').toString();
    }

    /** A JSON string literal, or {@code null}: quotes, backslashes and control characters escaped as jackson-core does. */
    static void string(StringBuilder json, String value) {
        if (value == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
