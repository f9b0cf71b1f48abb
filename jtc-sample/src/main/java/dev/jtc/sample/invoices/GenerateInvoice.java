package dev.jtc.sample.invoices;

import dev.jtc.Job;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues an invoice and files it. A business customer's VAT id, when given, is printed on it
 * (reverse charge); a consumer's invoice says no VAT id was given.
 */
@Job(retries = 3, timeout = "1m")
public final class GenerateInvoice {

    private static final Logger log = LoggerFactory.getLogger(GenerateInvoice.class);

    private final InvoiceStore store;
    private final Clock clock;

    @Inject
    public GenerateInvoice(InvoiceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void handle(UUID invoiceId, long orderId, List<String> lines, Optional<String> vatId) {
        Instant issuedAt = clock.instant();
        StringBuilder text = new StringBuilder()
                .append("Corner Coffee Roasters - invoice ").append(invoiceId).append('\n')
                .append("Issued ").append(issuedAt).append(" for order ").append(orderId).append('\n');
        lines.forEach(line -> text.append("  ").append(line).append('\n'));
        text.append(vatId.map(id -> "Customer VAT id " + id + ": reverse charge applies").orElse("No VAT id given"))
                .append('\n');
        store.save(new Invoice(invoiceId, orderId, List.copyOf(lines), vatId, issuedAt, text.toString()));
        log.info("invoice {} issued for order {} ({} lines{})", invoiceId, orderId, lines.size(),
                vatId.map(id -> ", VAT id " + id).orElse(""));
    }
}
