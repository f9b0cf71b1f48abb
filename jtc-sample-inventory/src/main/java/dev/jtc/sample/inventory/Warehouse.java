package dev.jtc.sample.inventory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The shop's stock book: how many units of each product are free to sell, what each order holds
 * and which orders wait for a delivery. One per application, outliving the jobs that change it.
 *
 * <p>Reserving is idempotent per order, so a retried {@link ReserveStock} holds the stock once.
 * What is not free is backordered; a delivery fills the waiting orders first, oldest first, and
 * only the rest goes on the shelf. A product the warehouse has never stocked has no free units,
 * so an order for it is backordered in full. The sample's warehouse lives in memory and opens
 * with {@link #OPENING_STOCK}.
 */
@Singleton
public final class Warehouse {

    /** The free units of each product when the application starts. */
    public static final Map<String, Integer> OPENING_STOCK = Map.of(
            "BEAN-1KG", 140,
            "BEAN-250G", 420,
            "GRINDER-HAND", 12,
            "FILTER-100", 950);

    private final Map<String, Integer> free = new TreeMap<>(OPENING_STOCK);
    private final Map<Long, Reservation> reservations = new LinkedHashMap<>();
    private final Map<String, Deque<Backorder>> backorders = new HashMap<>();

    @Inject
    public Warehouse() {}

    /**
     * Sets aside what {@code orderId} needs: the free units of each line, and a backorder for the
     * rest. Lines for the same product are added up. Reserving an order a second time changes
     * nothing and returns the first reservation.
     */
    public synchronized Reservation reserve(long orderId, List<StockLine> lines) {
        Reservation earlier = reservations.get(orderId);
        if (earlier != null) {
            return earlier;
        }
        Map<String, Integer> wanted = new LinkedHashMap<>();
        lines.forEach(line -> wanted.merge(line.sku(), line.quantity(), Integer::sum));
        List<StockLine> reserved = new ArrayList<>();
        List<StockLine> backordered = new ArrayList<>();
        wanted.forEach((sku, quantity) -> {
            int taken = Math.min(quantity, free.getOrDefault(sku, 0));
            if (taken > 0) {
                free.merge(sku, -taken, Integer::sum);
                reserved.add(new StockLine(sku, taken));
            }
            if (taken < quantity) {
                backordered.add(new StockLine(sku, quantity - taken));
                backorders.computeIfAbsent(sku, key -> new ArrayDeque<>()).addLast(new Backorder(orderId, sku, quantity - taken));
            }
        });
        Reservation reservation = new Reservation(orderId, reserved, backordered);
        reservations.put(orderId, reservation);
        return reservation;
    }

    /** Books a delivery of {@code quantity} units of {@code sku}: waiting orders first, then the shelf. */
    public synchronized Delivery receive(String sku, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a delivery of " + sku + " must bring at least one unit, got " + quantity);
        }
        int left = quantity;
        List<Backorder> filled = new ArrayList<>();
        Deque<Backorder> waiting = backorders.getOrDefault(sku, new ArrayDeque<>());
        while (left > 0 && !waiting.isEmpty()) {
            Backorder oldest = waiting.removeFirst();
            int given = Math.min(left, oldest.quantity());
            filled.add(new Backorder(oldest.orderId(), sku, given));
            if (given < oldest.quantity()) {
                waiting.addFirst(new Backorder(oldest.orderId(), sku, oldest.quantity() - given));
            }
            left -= given;
        }
        free.merge(sku, left, Integer::sum);
        return new Delivery(sku, quantity, filled, left);
    }

    /** The free units of {@code sku}: on the shelf and not held for any order. */
    public synchronized int free(String sku) {
        return free.getOrDefault(sku, 0);
    }

    /** The free units of every product the warehouse knows, by SKU. */
    public synchronized SortedMap<String, Integer> freeStock() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(free));
    }

    /** The reservation of {@code orderId}; empty if it was never reserved. */
    public synchronized Optional<Reservation> reservation(long orderId) {
        return Optional.ofNullable(reservations.get(orderId));
    }

    /** The orders waiting for {@code sku}, oldest first, with the units each still needs. */
    public synchronized List<Backorder> backorders(String sku) {
        return List.copyOf(backorders.getOrDefault(sku, new ArrayDeque<>()));
    }
}
