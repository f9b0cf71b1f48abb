package dev.jtc.sample.invoices;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where issued invoices are filed, by id: issuing the same invoice again (a retried job) replaces
 * it rather than adding a second one. The sample keeps them in memory.
 */
@Singleton
public final class InvoiceStore {

    private final Map<UUID, Invoice> invoices = new LinkedHashMap<>();

    @Inject
    public InvoiceStore() {}

    /** Files {@code invoice}, replacing one with the same id. */
    public synchronized void save(Invoice invoice) {
        invoices.put(invoice.id(), invoice);
    }

    public synchronized Optional<Invoice> find(UUID id) {
        return Optional.ofNullable(invoices.get(id));
    }

    /** Every invoice filed, in the order first filed. */
    public synchronized List<Invoice> all() {
        return new ArrayList<>(invoices.values());
    }
}
