package dev.jtc.bench.jmh;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payload the codec benchmarks move: the parameters of the sample shop's {@code ship-order}
 * job (the processor's golden "rich" application), a realistic mix of a UUID, a list of records,
 * a nested record with an optional, an optional instant, a map, an enum and a decimal.
 */
record ShipOrder(UUID orderId, List<LineItem> items, Address address, Optional<Instant> notBefore,
        Map<String, Integer> stock, Priority priority, BigDecimal total) {

    record LineItem(String sku, int quantity, BigDecimal price) {}

    record Address(String street, String city, Optional<String> zip) {}

    enum Priority { LOW, NORMAL, HIGH }
}
