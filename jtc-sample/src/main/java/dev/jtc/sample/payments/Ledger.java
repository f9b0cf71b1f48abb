package dev.jtc.sample.payments;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's book of accepted charges, keyed by the gateway's reference so that recording the
 * same charge twice (a job retried after the gateway answered) keeps one entry.
 */
@Singleton
public final class Ledger {

    private final Map<String, Charge> charges = new LinkedHashMap<>();
    private final Currency settlementCurrency;

    @Inject
    public Ledger(@SettlementCurrency Currency settlementCurrency) {
        this.settlementCurrency = settlementCurrency;
    }

    /** Books {@code charge}; returns false if it was booked already. */
    public synchronized boolean record(Charge charge) {
        return charges.putIfAbsent(charge.reference(), charge) == null;
    }

    /** Every charge booked, oldest first. */
    public synchronized List<Charge> charges() {
        return new ArrayList<>(charges.values());
    }

    /** The charges booked for {@code orderId}. */
    public synchronized List<Charge> chargesFor(long orderId) {
        return charges.values().stream().filter(charge -> charge.orderId() == orderId).toList();
    }

    /** The charges accepted in {@code [from, to)}, summed in the settlement currency. */
    public synchronized SalesSummary summarize(Instant from, Instant to) {
        List<Charge> inPeriod = charges.values().stream()
                .filter(charge -> !charge.chargedAt().isBefore(from) && charge.chargedAt().isBefore(to))
                .toList();
        BigDecimal total = inPeriod.stream().map(Charge::settled).reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new SalesSummary(inPeriod.size(), total, settlementCurrency);
    }
}
