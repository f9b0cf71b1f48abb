package dev.jtc.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jtc.bench.jmh.ShipOrder.Address;
import dev.jtc.bench.jmh.ShipOrder.LineItem;
import dev.jtc.bench.jmh.ShipOrder.Priority;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A baseline: the same JSON as {@link JtcShipOrder} written and read with jackson-core's
 * {@link JsonGenerator} and {@link JsonParser} directly, the fastest a hand-written streaming
 * codec gets. It checks nothing a decoder should check (missing fields, types, paths in error
 * messages); what jtc's codec costs above it is the price of those checks and of its layering.
 */
final class JacksonShipOrder {

    private static final JsonFactory JSON = new JsonFactory();

    private JacksonShipOrder() {}

    static String encode(ShipOrder order) {
        StringWriter buffer = new StringWriter(64);
        try (JsonGenerator out = JSON.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeStringField("orderId", order.orderId().toString());
            out.writeArrayFieldStart("items");
            for (LineItem item : order.items()) {
                out.writeStartObject();
                out.writeStringField("sku", item.sku());
                out.writeNumberField("quantity", item.quantity());
                out.writeStringField("price", item.price().toString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeObjectFieldStart("address");
            out.writeStringField("street", order.address().street());
            out.writeStringField("city", order.address().city());
            out.writeStringField("zip", order.address().zip().orElse(null));
            out.writeEndObject();
            out.writeStringField("notBefore", order.notBefore().map(Instant::toString).orElse(null));
            out.writeObjectFieldStart("stock");
            for (Map.Entry<String, Integer> entry : order.stock().entrySet()) {
                out.writeFieldName(entry.getKey());
                if (entry.getValue() == null) {
                    out.writeNull();
                } else {
                    out.writeNumber(entry.getValue());
                }
            }
            out.writeEndObject();
            out.writeStringField("priority", order.priority().name());
            out.writeStringField("total", order.total().toString());
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    static ShipOrder decode(String json) throws IOException {
        try (JsonParser in = JSON.createParser(json)) {
            in.nextToken();
            UUID orderId = null;
            List<LineItem> items = null;
            Address address = null;
            Optional<Instant> notBefore = Optional.empty();
            Map<String, Integer> stock = null;
            Priority priority = null;
            BigDecimal total = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                JsonToken value = in.nextToken();
                switch (field) {
                    case "orderId" -> orderId = UUID.fromString(in.getText());
                    case "items" -> items = readItems(in);
                    case "address" -> address = readAddress(in);
                    case "notBefore" -> notBefore = value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(Instant.parse(in.getText()));
                    case "stock" -> stock = readStock(in);
                    case "priority" -> priority = Priority.valueOf(in.getText());
                    case "total" -> total = new BigDecimal(in.getText());
                    default -> in.skipChildren();
                }
            }
            return new ShipOrder(orderId, items, address, notBefore, stock, priority, total);
        }
    }

    private static List<LineItem> readItems(JsonParser in) throws IOException {
        List<LineItem> items = new ArrayList<>();
        while (in.nextToken() == JsonToken.START_OBJECT) {
            String sku = null;
            int quantity = 0;
            BigDecimal price = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                switch (field) {
                    case "sku" -> sku = in.getText();
                    case "quantity" -> quantity = in.getIntValue();
                    case "price" -> price = new BigDecimal(in.getText());
                    default -> in.skipChildren();
                }
            }
            items.add(new LineItem(sku, quantity, price));
        }
        return items;
    }

    private static Address readAddress(JsonParser in) throws IOException {
        String street = null;
        String city = null;
        Optional<String> zip = Optional.empty();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            JsonToken value = in.nextToken();
            switch (field) {
                case "street" -> street = in.getText();
                case "city" -> city = in.getText();
                case "zip" -> zip = value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(in.getText());
                default -> in.skipChildren();
            }
        }
        return new Address(street, city, zip);
    }

    private static Map<String, Integer> readStock(JsonParser in) throws IOException {
        Map<String, Integer> stock = new LinkedHashMap<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonToken value = in.nextToken();
            stock.put(key, value == JsonToken.VALUE_NULL ? null : in.getIntValue());
        }
        return stock;
    }
}
