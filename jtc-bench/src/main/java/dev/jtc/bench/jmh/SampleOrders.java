package dev.jtc.bench.jmh;

import dev.jtc.bench.jmh.ShipOrder.Address;
import dev.jtc.bench.jmh.ShipOrder.LineItem;
import dev.jtc.bench.jmh.ShipOrder.Priority;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The one order every codec benchmark and its test use: three line items, every field present. */
final class SampleOrders {

    private SampleOrders() {}

    static ShipOrder typical() {
        Map<String, Integer> stock = new LinkedHashMap<>();
        stock.put("SKU-1001", 12);
        stock.put("SKU-2002", 0);
        stock.put("SKU-3003", 250);
        return new ShipOrder(
                UUID.fromString("3f1c2a9e-7b4d-4e8a-9c61-0d2f5b7a8e13"),
                List.of(new LineItem("SKU-1001", 2, new BigDecimal("19.99")),
                        new LineItem("SKU-2002", 1, new BigDecimal("249.00")),
                        new LineItem("SKU-3003", 10, new BigDecimal("0.45"))),
                new Address("Hauptstraße 5", "Berlin", Optional.of("10115")),
                Optional.of(Instant.parse("2026-12-01T09:30:00Z")),
                stock,
                Priority.HIGH,
                new BigDecimal("293.47"));
    }
}
