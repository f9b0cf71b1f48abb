package dev.jtc.runtime.broker;

import java.util.Optional;

/**
 * A broker operation refused because one of jtc's keys holds data of another type than jtc keeps
 * there (a string where the ready list should be, say): something other than jtc wrote it. The
 * operation changed nothing, so every job is still where it was. The message names the key, its
 * type and the type expected, and points to {@code check --repair}.
 */
public final class BrokenKeyException extends BrokerException {
    private static final long serialVersionUID = 1L;

    private final BrokenKey key;

    public BrokenKeyException(String operation, BrokenKey key) {
        super(operation + " refused: " + key.describe() + ", so nothing was changed (hint: inspect it with redis-cli, then"
                + " run 'check --repair', which sets it aside)");
        this.key = key;
    }

    public BrokenKey brokenKey() {
        return key;
    }

    /** The queue the key belongs to; empty for a key outside the queues ({@code jtc:queues}, {@code jtc:workers}). */
    public Optional<String> queue() {
        return key.queue();
    }
}
