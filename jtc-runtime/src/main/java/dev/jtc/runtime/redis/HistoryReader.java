package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.CompletedJob;
import dev.jtc.runtime.broker.HistoryRange;
import dev.jtc.runtime.broker.HistoryResolution;
import dev.jtc.runtime.broker.ThroughputBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Reads what the scripts record for the operator's eyes: the throughput history buckets
 * ({@code <prefix>minute:<ms>}, {@code <prefix>day:<ms>}, hashes of {@code processed} and
 * {@code failed}) and the list of recently completed jobs ({@code <prefix>recent}). One pipelined
 * round trip for all queues, no script. These keys are advisory (see {@code lib.lua}): one of the
 * wrong type, or an entry that does not parse, reads as nothing.
 */
final class HistoryReader {

    private final RedisConnection redis;
    private final RedisKeys keys;

    HistoryReader(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The buckets of {@code queues} summed, for the range of {@code empty} (from {@link HistoryRange#emptyBuckets}). */
    List<ThroughputBucket> history(List<String> queues, HistoryResolution resolution, List<ThroughputBucket> empty,
            Instant now) {
        if (queues.isEmpty()) {
            return empty;
        }
        // Redis expires a bucket by its own clock; the broker's clock decides what is past keeping.
        long oldestKept = resolution.bucketStart(now) - resolution.retention().toMillis();
        List<List<Response<List<String>>>> replies = redis.run("read the throughput history", true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            List<List<Response<List<String>>>> perQueue = new ArrayList<>();
            for (String queue : queues) {
                List<Response<List<String>>> buckets = new ArrayList<>(empty.size());
                for (ThroughputBucket bucket : empty) {
                    buckets.add(pipeline.hmget(keys.bucket(queue, resolution, bucket.start().toEpochMilli()), "processed", "failed"));
                }
                perQueue.add(buckets);
            }
            pipeline.sync();
            return perQueue;
        });
        List<ThroughputBucket> sum = empty;
        for (List<Response<List<String>>> queue : replies) {
            List<ThroughputBucket> counted = new ArrayList<>(empty.size());
            for (int i = 0; i < empty.size(); i++) {
                List<String> fields = empty.get(i).start().toEpochMilli() > oldestKept ? valueOrNull(queue.get(i)) : null;
                counted.add(fields == null ? empty.get(i) : empty.get(i).plus(count(fields.get(0)), count(fields.get(1))));
            }
            sum = HistoryRange.sum(sum, counted);
        }
        return sum;
    }

    /** The recently completed jobs of {@code queues}, newest first, one page. */
    List<CompletedJob> recentCompleted(List<String> queues, int offset, int limit) {
        if (queues.isEmpty() || limit == 0) {
            return List.of();
        }
        // Each queue's list is newest first, so the page lies within the first offset + limit of each.
        long last = Math.min((long) offset + limit, Integer.MAX_VALUE) - 1;
        Map<String, Response<List<String>>> replies = redis.run("read recently completed jobs", true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            Map<String, Response<List<String>>> perQueue = new HashMap<>();
            for (String queue : queues) {
                perQueue.put(queue, pipeline.lrange(keys.recent(queue), 0, last));
            }
            pipeline.sync();
            return perQueue;
        });
        List<CompletedJob> all = new ArrayList<>();
        replies.forEach((queue, reply) -> {
            List<String> entries = valueOrNull(reply);
            if (entries != null) {
                for (String entry : entries) {
                    CompletedJob job = parse(queue, entry);
                    if (job != null) {
                        all.add(job);
                    }
                }
            }
        });
        all.sort(CompletedJob.NEWEST_FIRST);
        return all.stream().skip(offset).limit(limit).toList();
    }

    private static <T> T valueOrNull(Response<T> response) {
        try {
            return response.get();
        } catch (JedisDataException wrongType) {
            return null;
        }
    }

    private static long count(String field) {
        if (field == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(field));
        } catch (NumberFormatException garbage) {
            return 0;
        }
    }

    /**
     * One entry of a recent list as complete.lua writes it, {@code <id> <name> <enqueuedAt>
     * <startedAt> <completedAt> <attempt>} (times in ms, {@code -} for a field the record lacked);
     * null if it is not one.
     */
    static CompletedJob parse(String queue, String entry) {
        String[] f = entry.split(" ", -1);
        if (f.length != 6 || f[0].isEmpty()) {
            return null;
        }
        Instant completedAt = instant(f[4]);
        if (completedAt == null) {
            return null;
        }
        Instant enqueuedAt = instant(f[2]);
        return new CompletedJob(f[0], f[1].equals("-") ? "" : f[1], queue, enqueuedAt == null ? completedAt : enqueuedAt,
                instant(f[3]), completedAt, (int) Math.min(Integer.MAX_VALUE, count(f[5])));
    }

    private static Instant instant(String millis) {
        if (millis == null || millis.isEmpty()) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException garbage) {
            return null;
        }
    }
}
