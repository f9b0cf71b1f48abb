package dev.jtc.runtime.redis;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this process knows about one worker id it serves: the jobs it handed to the worker and
 * has not seen acknowledged, the queues the worker fetched from, and its last heartbeat expiry.
 *
 * <p>It exists for one failure: a fetch whose reply is lost after the script ran (the connection
 * broke at the wrong moment) leaves jobs in the worker's in-flight set in Redis that the worker
 * never received, and the worker is alive, so recovery would never take them back. After such a
 * fetch the ledger is marked, and the next fetch first puts back every in-flight job the worker
 * does not know it holds.
 */
final class WorkerLedger {

    /** Serialises fetches of one worker, so that a reconciliation sees a settled in-flight set. */
    final ReentrantLock fetchLock = new ReentrantLock();

    /**
     * Job id → where it is held, and how many deliveries of it are not acknowledged yet: a retry due
     * at once can be fetched again by this worker before the retry call that freed it has returned.
     */
    private final Map<String, Held> inFlight = new ConcurrentHashMap<>();
    private final Set<String> queues = ConcurrentHashMap.newKeySet();
    private volatile long heartbeatExpiry = Long.MIN_VALUE;
    private volatile boolean needsReconcile;
    /** Queues whose reconciliation was refused (a broken key) and must be done again. */
    private final Set<String> unreconciled = ConcurrentHashMap.newKeySet();

    void delivered(String jobId, String queue) {
        inFlight.merge(jobId, new Held(queue, 1), (held, again) -> new Held(queue, held.deliveries() + 1));
    }

    void acknowledged(String jobId) {
        inFlight.computeIfPresent(jobId, (id, held) -> held.deliveries() > 1 ? new Held(held.queue(), held.deliveries() - 1) : null);
    }

    /** The ids the worker holds from {@code queue}. */
    java.util.List<String> heldFrom(String queue) {
        return inFlight.entrySet().stream().filter(e -> e.getValue().queue().equals(queue)).map(Map.Entry::getKey).toList();
    }

    private record Held(String queue, int deliveries) {}

    void fetchedFrom(String queue) {
        queues.add(queue);
    }

    Set<String> queues() {
        return Set.copyOf(queues);
    }

    void heartbeatUntil(long expiryMillis) {
        heartbeatExpiry = expiryMillis;
    }

    /** The last heartbeat's expiry, or {@code now} if this process never saw one (the worker counts as dead). */
    long heartbeatExpiryOr(long now) {
        long expiry = heartbeatExpiry;
        return expiry == Long.MIN_VALUE ? now : expiry;
    }

    void markReplyLost() {
        needsReconcile = true;
    }

    boolean needsReconcile() {
        return needsReconcile || !unreconciled.isEmpty();
    }

    /** Whether a fetch reply was lost since the last reconciliation (then every queue is reconciled). */
    boolean replyLost() {
        return needsReconcile;
    }

    /** The queues still to reconcile after a refusal. */
    Set<String> unreconciled() {
        return Set.copyOf(unreconciled);
    }

    /** A reconciliation of {@code queues} begins: each stays pending until {@link #reconciled} says it is done. */
    void reconcilingAll(Set<String> queues) {
        unreconciled.addAll(queues);
        needsReconcile = false;
    }

    void reconciled(String queue) {
        unreconciled.remove(queue);
    }
}
