package dev.jtc.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtc.bench.jmh.ShipOrder.Address;
import dev.jtc.bench.jmh.ShipOrder.LineItem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The codec benchmark compares like with like: all three encoders write the same text, both decoders read it back whole. */
class CodecAgreementTest {

    private final ShipOrder order = SampleOrders.typical();

    @Test
    void everyEncoderWritesTheSameJson() {
        String jtc = JtcShipOrder.encode(order);
        assertEquals(jtc, JacksonShipOrder.encode(order));
        assertEquals(jtc, StringBuilderShipOrder.encode(order));
        assertEquals("{\"orderId\":\"3f1c2a9e-7b4d-4e8a-9c61-0d2f5b7a8e13\",\"items\":[{\"sku\":\"SKU-1001\",\"quantity\":2,"
                + "\"price\":\"19.99\"},{\"sku\":\"SKU-2002\",\"quantity\":1,\"price\":\"249.00\"},{\"sku\":\"SKU-3003\","
                + "\"quantity\":10,\"price\":\"0.45\"}],\"address\":{\"street\":\"Hauptstraße 5\",\"city\":\"Berlin\",\"zip\":\"10115\"},"
                + "\"notBefore\":\"2026-12-01T09:30:00Z\",\"stock\":{\"SKU-1001\":12,\"SKU-2002\":0,\"SKU-3003\":250},"
                + "\"priority\":\"HIGH\",\"total\":\"293.47\"}", jtc);
    }

    @Test
    void escapingAndNullsAgree() {
        Map<String, Integer> stock = new LinkedHashMap<>();
        stock.put("a\"b", null);
        ShipOrder awkward = new ShipOrder(order.orderId(), List.of(new LineItem("tab\there\\\u0001", 0, BigDecimal.ONE)),
                new Address("line\nbreak", "quote\"d", Optional.empty()), Optional.empty(), stock, order.priority(), order.total());
        String jtc = JtcShipOrder.encode(awkward);
        assertEquals(jtc, JacksonShipOrder.encode(awkward));
        assertEquals(jtc, StringBuilderShipOrder.encode(awkward));
    }

    @Test
    void bothDecodersReadTheOrderBack() throws Exception {
        String json = JtcShipOrder.encode(order);
        assertEquals(order, JtcShipOrder.decode(json));
        assertEquals(order, JacksonShipOrder.decode(json));
    }
}
