package dev.jtc.runtime.broker;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Decides when a refusal because of a {@link BrokenKey} is worth a log line: the first time a key
 * is seen broken, then at most once per {@link #REPEAT} while it stays broken, and once when it
 * works again. A loop that meets the key on every poll thus writes one clear line, not thousands.
 * Thread-safe.
 */
public final class BrokenKeyWarnings {

    /** How often a key that stays broken is mentioned again. */
    public static final Duration REPEAT = Duration.ofMinutes(5);

    private final LongSupplier nanoTime;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** What is known about one broken key: when it was last mentioned, and how often it was met since. */
    private record Seen(long lastWarnedNanos, int refusals) {}

    public BrokenKeyWarnings() {
        this(System::nanoTime);
    }

    BrokenKeyWarnings(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * Records that an operation was refused because of {@code key}.
     *
     * @return how many refusals to mention in a log line now: 1 the first time, the number since the
     *     last line once {@link #REPEAT} has passed, and 0 (say nothing) otherwise
     */
    public int refused(BrokenKey key) {
        long now = nanoTime.getAsLong();
        int[] mention = {0};
        seen.compute(key.key(), (k, old) -> {
            if (old == null) {
                mention[0] = 1;
                return new Seen(now, 0);
            }
            int refusals = old.refusals() + 1;
            if (now - old.lastWarnedNanos() >= REPEAT.toNanos()) {
                mention[0] = refusals;
                return new Seen(now, 0);
            }
            return new Seen(old.lastWarnedNanos(), refusals);
        });
        return mention[0];
    }

    /** Forgets the broken keys of {@code queue} (an operation on it worked); true if there were any. */
    public boolean worked(String queue) {
        return seen.keySet().removeIf(k -> new BrokenKey(k, "", "").queue().filter(queue::equals).isPresent());
    }

    /** Whether {@code key} is known to be broken. */
    public boolean isBroken(String key) {
        return seen.containsKey(key);
    }
}
