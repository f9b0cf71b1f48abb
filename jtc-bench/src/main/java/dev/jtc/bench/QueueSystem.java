package dev.jtc.bench;

import java.time.Duration;

/**
 * One system the load driver measures, phase by phase. Every phase starts from an empty queue and
 * leaves one behind, so phases (and systems) do not disturb each other.
 */
interface QueueSystem extends AutoCloseable {

    /** The name in the results ({@link LoadOptions#ALL_SYSTEMS}). */
    String name();

    /** Producers send one job per round trip, as fast as they can, for {@code duration}. */
    Measurement enqueueSingle(Duration duration);

    /** Producers send batches of jobs per round trip, as fast as they can, for {@code duration}. */
    Measurement enqueueBatch(Duration duration);

    /** Fills the queue with {@code jobs} jobs (not timed), then times how fast the consumers empty it. */
    Measurement drain(int jobs);

    /** Offers {@code rate} jobs a second for {@code duration} and measures each one's enqueue-to-start latency. */
    Measurement latency(int rate, Duration duration);

    @Override
    void close();
}
