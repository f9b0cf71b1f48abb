package dev.jtc.bench;

import java.util.Objects;

/**
 * One kind of measurement that every system goes through, so rows of different systems line up.
 * Latency phases carry the steady rate they offer.
 *
 * @param kind what is measured
 * @param rate the offered jobs per second of a latency phase; 0 for the others
 */
record Phase(Kind kind, int rate) {

    enum Kind {
        /** One job per round trip, from several producer threads, for a fixed time. */
        ENQUEUE_SINGLE("enqueue single"),
        /** Batches of jobs per round trip, from several producer threads, for a fixed time. */
        ENQUEUE_BATCH("enqueue batch"),
        /** A queue filled up front, emptied by the consumers: jobs started, run and acknowledged. */
        DRAIN("drain"),
        /** A steady offered load below saturation; enqueue-to-start latency of every job. */
        LATENCY("latency");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final Phase ENQUEUE_SINGLE = new Phase(Kind.ENQUEUE_SINGLE, 0);
    static final Phase ENQUEUE_BATCH = new Phase(Kind.ENQUEUE_BATCH, 0);
    static final Phase DRAIN = new Phase(Kind.DRAIN, 0);

    Phase {
        Objects.requireNonNull(kind, "kind");
    }

    static Phase latency(int rate) {
        return new Phase(Kind.LATENCY, rate);
    }

    /** The label in tables and files, e.g. {@code latency @ 2000/s}. */
    String label() {
        return kind == Kind.LATENCY ? kind.label + " @ " + rate + "/s" : kind.label;
    }

    /** The label in the JSON and CSV files: no spaces, e.g. {@code latency-2000}. */
    String key() {
        return kind == Kind.LATENCY ? "latency-" + rate : kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
