package dev.jtc.sample.inventory;

import dev.jtc.Job;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import jakarta.inject.Inject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the stock an order needs, so that two customers cannot buy the last grinder. What is not
 * free is backordered, and the product is reordered at once: enough for the waiting order plus
 * the usual {@link StockPolicy#reorderQuantity()}.
 *
 * <p>The library has no {@code <App>Jobs} of its own (that is generated in the application), so
 * it dispatches {@link RestockProduct} through the runtime's {@link Dispatcher} and the job's
 * generated codec. The reservation is idempotent and the reorder carries a unique key, so a
 * retried attempt neither holds the stock twice nor orders it twice while the first reorder waits.
 */
@Job(queue = "inventory", retries = 3, timeout = "10s")
public final class ReserveStock {

    private static final Logger log = LoggerFactory.getLogger(ReserveStock.class);

    private final Warehouse warehouse;
    private final StockPolicy policy;
    private final Dispatcher dispatcher;

    @Inject
    public ReserveStock(Warehouse warehouse, StockPolicy policy, Dispatcher dispatcher) {
        this.warehouse = warehouse;
        this.policy = policy;
        this.dispatcher = dispatcher;
    }

    void handle(long orderId, List<StockLine> lines) {
        Reservation reservation = warehouse.reserve(orderId, lines);
        log.info("order {}: reserved {}{}", orderId, describe(reservation.reserved()),
                reservation.complete() ? "" : ", backordered " + describe(reservation.backordered()));
        for (StockLine missing : reservation.backordered()) {
            int quantity = missing.quantity() + policy.reorderQuantity();
            dispatcher.dispatch(RestockProductCodec.TYPE,
                    RestockProductCodec.encode(missing.sku(), quantity, RestockReason.BACKORDER),
                    DispatchOptions.uniqueKey("restock-" + missing.sku() + "-for-order-" + orderId));
        }
    }

    private static String describe(List<StockLine> lines) {
        return lines.isEmpty() ? "nothing"
                : String.join(", ", lines.stream().map(line -> line.quantity() + " x " + line.sku()).toList());
    }
}
