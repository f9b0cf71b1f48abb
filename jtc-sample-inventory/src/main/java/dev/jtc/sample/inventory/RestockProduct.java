package dev.jtc.sample.inventory;

import dev.jtc.Job;
import dev.jtc.WithoutOverlapping;
import dev.jtc.runtime.JobContext;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books a supplier's delivery of one product into the {@link Warehouse}: the orders waiting for
 * it are served first, the rest goes on the shelf. The sample's supplier delivers at once; a real
 * one would be asked here and the job retried until the goods arrive. Deliveries of one product
 * are booked one at a time ({@link WithoutOverlapping} by {@code sku}), across every worker.
 */
@Job(queue = "inventory", retries = 5, timeout = "30s", backoffBase = "2s", backoffCap = "5m")
@WithoutOverlapping(key = "sku")
public final class RestockProduct {

    private static final Logger log = LoggerFactory.getLogger(RestockProduct.class);

    private final Warehouse warehouse;

    @Inject
    public RestockProduct(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    void handle(String sku, int quantity, RestockReason reason, JobContext context) {
        Delivery delivery = warehouse.receive(sku, quantity);
        String waiting = delivery.filled().isEmpty() ? "no order was waiting"
                : (quantity - delivery.shelved()) + " to order(s) "
                        + delivery.filled().stream().map(backorder -> Long.toString(backorder.orderId())).distinct().toList();
        log.info("{} x {} delivered ({}, job {}): {}, {} on the shelf, {} free now", quantity, sku, reason, context.id(),
                waiting, delivery.shelved(), warehouse.free(sku));
    }
}
