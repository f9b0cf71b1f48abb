package dev.jtc.runtime.worker;

import dev.jtc.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds the ticks of a {@link Schedule} inside a time window using only
 * {@link Schedule#nextRunAfter}, without walking every tick of a long window: after a month
 * without workers, an {@code @Every("1s")} task has 2.6 million missed ticks, of which the
 * scheduler needs at most the newest hundred. Windows are searched backwards from their end,
 * doubling in length, so the cost grows with the ticks wanted, not with the ticks missed.
 */
final class TickFinder {

    private static final Duration FIRST_WINDOW = Duration.ofSeconds(1);

    private TickFinder() {}

    /** The ticks in {@code (after, until]}, oldest first, at most {@code limit} of them (the oldest ones). */
    static List<Instant> oldest(Schedule schedule, Instant after, Instant until, int limit) {
        List<Instant> ticks = new ArrayList<>();
        Instant cursor = after;
        while (ticks.size() < limit) {
            Optional<Instant> next = schedule.nextRunAfter(cursor);
            if (next.isEmpty() || next.get().isAfter(until)) {
                break;
            }
            ticks.add(next.get());
            cursor = next.get();
        }
        return ticks;
    }

    /**
     * The newest {@code count} ticks in {@code (after, until]}, oldest first, and how many older
     * ticks in the window were left out (exactly when that is cheap, else at least one).
     */
    static Newest newest(Schedule schedule, Instant after, Instant until, int count) {
        if (!until.isAfter(after) || count < 1) {
            return new Newest(List.of(), false);
        }
        Duration window = FIRST_WINDOW;
        while (true) {
            Instant start = until.minus(window);
            boolean whole = !start.isAfter(after);
            if (whole) {
                start = after;
            }
            Deque<Instant> last = new ArrayDeque<>(count + 1);
            boolean dropped = false;
            Instant cursor = start;
            while (true) {
                Optional<Instant> next = schedule.nextRunAfter(cursor);
                if (next.isEmpty() || next.get().isAfter(until)) {
                    break;
                }
                last.addLast(next.get());
                if (last.size() > count) {
                    last.removeFirst();
                    dropped = true;
                }
                cursor = next.get();
            }
            if (whole || dropped) {
                // Either the window covers everything, or it alone holds more than enough ticks.
                boolean olderExist = dropped || (!whole && schedule.nextRunAfter(after)
                        .filter(first -> first.isBefore(last.peekFirst())).isPresent());
                return new Newest(List.copyOf(last), olderExist);
            }
            if (last.size() == count) {
                boolean olderExist = schedule.nextRunAfter(after).filter(first -> first.isBefore(last.peekFirst())).isPresent();
                return new Newest(List.copyOf(last), olderExist);
            }
            window = window.multipliedBy(2);
        }
    }

    /** The newest ticks of a window, and whether older ones were left out. */
    record Newest(List<Instant> ticks, boolean olderLeftOut) {}
}
