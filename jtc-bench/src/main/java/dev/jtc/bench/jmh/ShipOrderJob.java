package dev.jtc.bench.jmh;

import dev.jtc.Job;
import dev.jtc.bench.jmh.ShipOrder.Address;
import dev.jtc.bench.jmh.ShipOrder.LineItem;
import dev.jtc.bench.jmh.ShipOrder.Priority;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job whose payload {@link CodecBenchmark} moves: the parameters of the golden "rich"
 * application's {@code ship-order} job. jtc's processor generates {@code ShipOrderJobCodec} for
 * it, so the benchmark measures the real generated codec, not a copy of one.
 */
@Job(name = "ship-order")
public final class ShipOrderJob {

    @Inject
    public ShipOrderJob() {}

    public void handle(UUID orderId, List<LineItem> items, Address address, Optional<Instant> notBefore,
            Map<String, Integer> stock, Priority priority, BigDecimal total) {
        // A no-op: only the payload's codec is measured.
    }
}
