package dev.jtc.sample.orders;

import dev.jtc.Job;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.sample.ShopAppJobs;
import dev.jtc.sample.inventory.StockLine;
import dev.jtc.sample.mail.Mailer;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Confirms an order: asks the warehouse to hold what the customer bought, then mails them a
 * confirmation listing it. Mail servers refuse now and then, so it has generous retries on its
 * own {@code mail} queue, where a burst of orders does not hold up payments.
 *
 * <p>The stock is held by {@code ReserveStock}, a job of the inventory library
 * ({@code jtc-sample-inventory}), dispatched through the shop's generated {@link ShopAppJobs} like
 * any of the shop's own jobs. This job is the one every order gets first and the only one that
 * carries its lines. The unique key and the warehouse's idempotent reservation keep a retried
 * confirmation from holding the stock twice.
 */
@Job(queue = "mail", retries = 5, timeout = "30s")
public final class SendOrderConfirmation {

    private static final DateTimeFormatter PLACED_AT =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(ZoneId.of("Europe/Berlin"));

    private final Mailer mailer;
    private final ShopAppJobs jobs;

    @Inject
    public SendOrderConfirmation(Mailer mailer, ShopAppJobs jobs) {
        this.mailer = mailer;
        this.jobs = jobs;
    }

    public void handle(Order order) {
        List<StockLine> stock = order.items().stream().map(item -> new StockLine(item.sku(), item.quantity())).toList();
        jobs.reserveStock(order.number(), stock, DispatchOptions.uniqueKey("reserve-order-" + order.number()));

        StringBuilder body = new StringBuilder()
                .append("Hello ").append(order.customerName()).append(",\n\n")
                .append("thank you for your order of ").append(PLACED_AT.format(order.placedAt())).append(":\n\n");
        for (LineItem item : order.items()) {
            body.append(String.format(Locale.ROOT, "  %3d x %-32s %10s %s%n",
                    item.quantity(), item.title(), item.subtotal(), order.currency()));
        }
        body.append(String.format(Locale.ROOT, "  %-38s %10s %s%n", "Total", order.total(), order.currency()))
                .append("\nWe will let you know when it ships.\nCorner Coffee Roasters\n");
        mailer.send(order.customerEmail(), "Your order #" + order.number() + " is confirmed", body.toString());
    }
}
