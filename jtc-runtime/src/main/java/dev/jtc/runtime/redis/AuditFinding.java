package dev.jtc.runtime.redis;

import java.util.Objects;

/**
 * One thing {@link RedisAudit} found wrong in a namespace, and what became of it.
 *
 * @param problem what kind of damage
 * @param key the Redis key it concerns (the job record for a job)
 * @param detail what is wrong, in a sentence
 * @param outcome what was done ({@code repaired: ...}), what {@code --repair} would do, or why it is left alone
 * @param repaired whether it was repaired in this run
 * @param repairable whether {@code --repair} repairs it (true for those it repaired)
 */
public record AuditFinding(Problem problem, String key, String detail, String outcome, boolean repaired, boolean repairable) {

    public AuditFinding {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The kinds of damage the audit looks for. */
    public enum Problem {
        /** One of jtc's keys holds another Redis type than jtc keeps there. */
        WRONG_TYPE("wrong type"),
        /** A queue with keys in Redis that is missing from the namespace's set of queues. */
        UNREGISTERED_QUEUE("unregistered queue"),
        /** A job record whose id is in no list or set: no worker will ever see it. */
        ORPHAN_RECORD("in no structure"),
        /** An id in a list or set without its job record. */
        MISSING_RECORD("missing record"),
        /** A record whose state contradicts the list or set its id is in. */
        STATE_CONTRADICTION("state contradiction"),
        /** Jobs in the in-flight set of a worker whose heartbeat ran out, or that no recovery pass looks at. */
        DEAD_WORKER_JOBS("dead worker's jobs"),
        /** Data no job needs any more: a history without its job, a copy kept aside. */
        LEFTOVER("leftover");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        /** Short words for a table: "wrong type", "in no structure". */
        public String label() {
            return label;
        }
    }
}
