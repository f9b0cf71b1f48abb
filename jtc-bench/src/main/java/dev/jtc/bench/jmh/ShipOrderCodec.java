package dev.jtc.bench.jmh;

import dev.jtc.bench.jmh.ShipOrder.Address;
import dev.jtc.bench.jmh.ShipOrder.LineItem;
import dev.jtc.bench.jmh.ShipOrder.Priority;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * jtc's codec for {@link ShipOrder}, written by hand exactly as the processor generates one (see
 * the golden {@code ShipOrderCodec} in jtc-processor's tests): {@link PayloadWriter} and
 * {@link PayloadReader} calls, one per field, records through their field lists. The benchmark
 * measures this against plain jackson-core and a plain StringBuilder doing the same JSON.
 */
final class ShipOrderCodec {

    private static final String JOB_NAME = "ship-order";

    private ShipOrderCodec() {}

    static String encode(ShipOrder order) {
        PayloadWriter out = PayloadWriter.open();
        out.field("orderId").writeUuid(order.orderId());
        out.field("items").writeList(order.items(), (out2, value2) -> out2.writeObject(value2, ShipOrderCodec::writeLineItem));
        out.field("address").writeObject(order.address(), ShipOrderCodec::writeAddress);
        out.field("notBefore").writeOptional(order.notBefore(), PayloadWriter::writeInstant);
        out.field("stock").writeMap(order.stock(), PayloadWriter::writeNullableInt);
        out.field("priority").writeEnum(order.priority());
        out.field("total").writeBigDecimal(order.total());
        return out.finish();
    }

    static ShipOrder decode(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(JOB_NAME, json);
        UUID orderId = null;
        List<LineItem> items = null;
        Address address = null;
        Optional<Instant> notBefore = Optional.empty();
        Map<String, Integer> stock = null;
        Priority priority = null;
        BigDecimal total = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "orderId" -> orderId = in.readUuid();
                case "items" -> items = in.readList(in2 -> in2.readObject(ShipOrderCodec::readLineItem));
                case "address" -> address = in.readObject(ShipOrderCodec::readAddress);
                case "notBefore" -> notBefore = in.readOptional(PayloadReader::readInstant);
                case "stock" -> stock = in.readMap(PayloadReader::readNullableInt);
                case "priority" -> priority = in.readEnum(Priority::values);
                case "total" -> total = in.readBigDecimal();
                default -> in.skipValue();
            }
        }
        in.endObject("orderId", "items", "address", "stock", "priority", "total");
        return new ShipOrder(orderId, items, address, notBefore, stock, priority, total);
    }

    private static void writeAddress(PayloadWriter out, Address value) {
        out.field("street").writeString(value.street());
        out.field("city").writeString(value.city());
        out.field("zip").writeOptional(value.zip(), PayloadWriter::writeString);
    }

    private static Address readAddress(PayloadReader in) throws PayloadException {
        String street = null;
        String city = null;
        Optional<String> zip = Optional.empty();
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "street" -> street = in.readString();
                case "city" -> city = in.readString();
                case "zip" -> zip = in.readOptional(PayloadReader::readString);
                default -> in.skipValue();
            }
        }
        in.endObject("street", "city");
        return new Address(street, city, zip);
    }

    private static void writeLineItem(PayloadWriter out, LineItem value) {
        out.field("sku").writeString(value.sku());
        out.field("quantity").writeInt(value.quantity());
        out.field("price").writeBigDecimal(value.price());
    }

    private static LineItem readLineItem(PayloadReader in) throws PayloadException {
        String sku = null;
        int quantity = 0;
        BigDecimal price = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "sku" -> sku = in.readString();
                case "quantity" -> quantity = in.readInt();
                case "price" -> price = in.readBigDecimal();
                default -> in.skipValue();
            }
        }
        in.endObject("sku", "quantity", "price");
        return new LineItem(sku, quantity, price);
    }
}
