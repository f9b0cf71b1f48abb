package com.acme.shop;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Job {@code ship-order} ({@link ShipOrder}) and its payload, a JSON object keyed by parameter name: encoded
 * for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores
 * fields it does not know.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ShipOrderCodec {
    /**
     * The payload's parameters in canonical form; it changes whenever they do.
     */
    public static final String SCHEMA = "orderId:UUID,items:List<LineItem{sku:String,quantity:int,price:BigDecimal}>,address:Address{street:String,city:String,zip:Optional<String>},notBefore:Optional<Instant>,stock:Map<String,Integer>,priority:Priority,total:BigDecimal";

    /**
     * The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.
     */
    public static final String FINGERPRINT = "06f64e80bcd45e70";

    private static final String JOB_NAME = "ship-order";

    /**
     * Job {@code ship-order}, on queue {@code default}.
     */
    public static final JobType TYPE = new JobType(JOB_NAME, "default", 3, JobType.NO_TIMEOUT, Duration.ofSeconds(5), Duration.ofHours(1), FINGERPRINT, SCHEMA);

    private ShipOrderCodec() {
    }

    /**
     * Encodes the arguments of one dispatch of {@link ShipOrder} as JSON.
     */
    public static String encode(UUID orderId, List<LineItem> items, Address address,
            Optional<Instant> notBefore, Map<String, Integer> stock, Priority priority,
            BigDecimal total) {
        PayloadWriter out = PayloadWriter.open();
        out.field("orderId").writeUuid(orderId);
        out.field("items").writeList(items, (out2, value2) -> out2.writeObject(value2, ShipOrderCodec::writeLineItem));
        out.field("address").writeObject(address, ShipOrderCodec::writeAddress);
        out.field("notBefore").writeOptional(notBefore, PayloadWriter::writeInstant);
        out.field("stock").writeMap(stock, PayloadWriter::writeNullableInt);
        out.field("priority").writeEnum(priority);
        out.field("total").writeBigDecimal(total);
        return out.finish();
    }

    /**
     * Decodes a payload of {@link ShipOrder}.
     *
     * @throws PayloadException if the JSON is malformed, or a field is missing or of the wrong type; the message
     *     names the job, the field's path and the problem
     */
    public static Payload decode(String json) throws PayloadException {
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
        return new Payload(orderId, items, address, notBefore, stock, priority, total);
    }

    /**
     * Runs one attempt of {@link ShipOrder}: decodes {@code payload} and calls {@code handle} on {@code job}.
     */
    public static void run(ShipOrder job, String payload, JobContext context) throws Exception {
        Payload p = decode(payload);
        job.handle(p.orderId(), p.items(), p.address(), p.notBefore(), p.stock(), p.priority(), p.total(), context);
    }

    /**
     * This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.
     */
    public static TypedJob<Payload> job() {
        return new TypedJob<>(TYPE, ShipOrderCodec::decode);
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

    /**
     * The decoded arguments of one run of {@link ShipOrder}, named as its {@code handle} parameters.
     */
    public record Payload(UUID orderId, List<LineItem> items, Address address,
            Optional<Instant> notBefore, Map<String, Integer> stock, Priority priority,
            BigDecimal total) {
    }
}
