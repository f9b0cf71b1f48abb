package dev.jtc.sample.orders;

import dev.jtc.Job;
import dev.jtc.sample.mail.Mailer;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Mails the customer a confirmation of their order, listing what they bought. Mail servers
 * refuse now and then, so it has generous retries on its own {@code mail} queue, where a burst of
 * orders does not hold up payments.
 */
@Job(queue = "mail", retries = 5, timeout = "30s")
public final class SendOrderConfirmation {

    private static final DateTimeFormatter PLACED_AT =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(ZoneId.of("Europe/Berlin"));

    private final Mailer mailer;

    @Inject
    public SendOrderConfirmation(Mailer mailer) {
        this.mailer = mailer;
    }

    public void handle(Order order) {
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
