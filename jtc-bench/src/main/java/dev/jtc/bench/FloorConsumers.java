package dev.jtc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.args.ListDirection;

/**
 * The consuming side of the {@link RedisFloor}: threads that each own a connection and a
 * processing list and loop over take (pipelined {@code LMOVE}s, or one blocking {@code BLMOVE}
 * when the queue is empty), run (nothing, but the start is timed), acknowledge (pipelined
 * {@code LREM}s). Two round trips per batch under load, as a batching consumer needs.
 */
final class FloorConsumers implements AutoCloseable {

    private static final double BLOCK_SECONDS = 0.1;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;

    private FloorConsumers() {}

    /**
     * Starts {@code count} consumers taking up to {@code batch} jobs per round trip; each finished
     * job goes to {@code counter}, and, if {@code latencies} is given, its stamp's age at start to it.
     */
    static FloorConsumers start(int port, int count, int batch, CompletionCounter counter, LatencySamples latencies) {
        FloorConsumers consumers = new FloorConsumers();
        for (int c = 0; c < count; c++) {
            String processing = "floor:processing:" + c;
            Thread thread = new Thread(() -> consumers.consume(port, processing, batch, counter, latencies), "bench-floor-consumer-" + c);
            thread.setDaemon(true);
            consumers.threads.add(thread);
            thread.start();
        }
        return consumers;
    }

    private void consume(int port, String processing, int batch, CompletionCounter counter, LatencySamples latencies) {
        try (Jedis jedis = RedisFloor.connect(port)) {
            List<String> taken = new ArrayList<>(batch);
            List<Response<String>> replies = new ArrayList<>(batch);
            while (!stopping) {
                taken.clear();
                replies.clear();
                Pipeline take = jedis.pipelined();
                for (int i = 0; i < batch; i++) {
                    replies.add(take.lmove(RedisFloor.QUEUE, processing, ListDirection.RIGHT, ListDirection.LEFT));
                }
                take.sync();
                for (Response<String> reply : replies) {
                    if (reply.get() != null) {
                        taken.add(reply.get());
                    }
                }
                if (taken.isEmpty()) {
                    String waited = jedis.blmove(RedisFloor.QUEUE, processing, ListDirection.RIGHT, ListDirection.LEFT, BLOCK_SECONDS);
                    if (waited == null) {
                        continue;
                    }
                    taken.add(waited);
                }
                if (latencies != null) {
                    long now = System.nanoTime();
                    for (String message : taken) {
                        latencies.record(now - Stamps.readFloorMessage(message));
                    }
                }
                Pipeline acknowledge = jedis.pipelined();
                for (String message : taken) {
                    acknowledge.lrem(processing, 1, message);
                }
                acknowledge.sync();
                counter.add(taken.size());
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Stops the consumers (each notices within one blocking wait) and rethrows the first failure. */
    @Override
    public void close() {
        stopping = true;
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a baseline consumer failed: " + failure.get(), failure.get());
        }
    }
}
