package dev.jtc.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins the tables that generated code spreads over several classes or methods: the schedule
 * registry lists each owner's tasks, and a large application's job types come in parts, so that
 * no generated method grows past what the JIT compiles.
 */
public final class Tables {

    private Tables() {
    }

    /** The elements of {@code parts}, in order, as one unmodifiable list. */
    @SafeVarargs
    public static <T> List<T> concat(List<? extends T>... parts) {
        int size = 0;
        for (List<? extends T> part : parts) {
            size += part.size();
        }
        List<T> all = new ArrayList<>(size);
        for (List<? extends T> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
