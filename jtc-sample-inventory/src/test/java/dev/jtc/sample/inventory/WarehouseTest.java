package dev.jtc.sample.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stock book's rules: what a reservation takes, what it backorders, and where a delivery goes. */
class WarehouseTest {

    private final Warehouse warehouse = new Warehouse();

    @Test
    void aReservationTakesFreeUnitsAndBackordersTheRest() {
        Reservation reservation = warehouse.reserve(1003, List.of(new StockLine("GRINDER-HAND", 20), new StockLine("FILTER-100", 10)));

        assertEquals(List.of(new StockLine("GRINDER-HAND", 12), new StockLine("FILTER-100", 10)), reservation.reserved());
        assertEquals(List.of(new StockLine("GRINDER-HAND", 8)), reservation.backordered());
        assertFalse(reservation.complete());
        assertEquals(0, warehouse.free("GRINDER-HAND"));
        assertEquals(940, warehouse.free("FILTER-100"));
        assertEquals(List.of(new Backorder(1003, "GRINDER-HAND", 8)), warehouse.backorders("GRINDER-HAND"));
    }

    @Test
    void reservingAnOrderAgainChangesNothing() {
        Reservation first = warehouse.reserve(1001, List.of(new StockLine("BEAN-1KG", 2)));
        Reservation again = warehouse.reserve(1001, List.of(new StockLine("BEAN-1KG", 2)));

        assertSame(first, again, "a retried ReserveStock gets the first reservation back");
        assertTrue(first.complete());
        assertEquals(138, warehouse.free("BEAN-1KG"));
        assertEquals(Optional.of(first), warehouse.reservation(1001));
    }

    @Test
    void linesForTheSameProductAreAddedUp() {
        Reservation reservation = warehouse.reserve(7, List.of(new StockLine("BEAN-250G", 300), new StockLine("BEAN-250G", 200)));

        assertEquals(List.of(new StockLine("BEAN-250G", 420)), reservation.reserved());
        assertEquals(List.of(new StockLine("BEAN-250G", 80)), reservation.backordered());
    }

    @Test
    void aProductNeverStockedIsBackorderedInFull() {
        Reservation reservation = warehouse.reserve(8, List.of(new StockLine("KETTLE-GOOSENECK", 1)));

        assertEquals(List.of(), reservation.reserved());
        assertEquals(List.of(new StockLine("KETTLE-GOOSENECK", 1)), reservation.backordered());
    }

    @Test
    void aDeliveryFillsTheOldestBackordersFirstThenGoesOnTheShelf() {
        warehouse.reserve(1, List.of(new StockLine("GRINDER-HAND", 15)));  // 12 reserved, 3 backordered
        warehouse.reserve(2, List.of(new StockLine("GRINDER-HAND", 5)));   // 5 backordered

        Delivery small = warehouse.receive("GRINDER-HAND", 4);
        assertEquals(List.of(new Backorder(1, "GRINDER-HAND", 3), new Backorder(2, "GRINDER-HAND", 1)), small.filled());
        assertEquals(0, small.shelved());
        assertEquals(List.of(new Backorder(2, "GRINDER-HAND", 4)), warehouse.backorders("GRINDER-HAND"), "order 2 still waits for 4");

        Delivery large = warehouse.receive("GRINDER-HAND", 54);
        assertEquals(List.of(new Backorder(2, "GRINDER-HAND", 4)), large.filled());
        assertEquals(50, large.shelved());
        assertEquals(50, warehouse.free("GRINDER-HAND"));
        assertEquals(List.of(), warehouse.backorders("GRINDER-HAND"));
    }

    @Test
    void quantitiesMustBePositive() {
        IllegalArgumentException line = assertThrows(IllegalArgumentException.class, () -> new StockLine("BEAN-1KG", 0));
        assertEquals("the quantity of BEAN-1KG must be positive, got 0", line.getMessage());
        IllegalArgumentException delivery = assertThrows(IllegalArgumentException.class, () -> warehouse.receive("BEAN-1KG", -5));
        assertEquals("a delivery of BEAN-1KG must bring at least one unit, got -5", delivery.getMessage());
    }
}
