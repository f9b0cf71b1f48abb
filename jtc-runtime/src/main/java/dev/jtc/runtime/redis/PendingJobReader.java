package dev.jtc.runtime.redis;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.PendingJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads one page of a queue's scheduled, queued or active jobs for
 * {@link RedisBroker#pendingJobs}: one range read ({@code LRANGE} of the ready list,
 * {@code ZRANGE} of the scheduled set, or the queue's workers and their in-flight sets), then one
 * pipelined {@code HMGET} of the page's job records. Read-only, no script, never {@code KEYS} or
 * {@code SCAN}.
 *
 * <p>The two reads are not one snapshot: an id whose record is gone or has moved to another state
 * in between (a job fetched or completed meanwhile) is left out of the page, as is an id with a
 * record of the wrong type; the fetch script moves such garbage to the failed set. Active jobs
 * are read across the in-flight sets of the queue's workers (at most their concurrency each) and
 * paged here, oldest fetch first.
 */
final class PendingJobReader {

    private static final String[] FIELDS = {"name", "payload", "fingerprint", "enqueuedAt", "runAt", "uniqueKey", "attempt",
            "recoveries", "state", "lastError"};
    private static final int STATE = 8;

    private final RedisConnection redis;
    private final RedisKeys keys;

    PendingJobReader(RedisConnection redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** One page of {@code queue}'s jobs in {@code state}; {@code now} stands in for a missing enqueue time. */
    List<PendingJob> read(String queue, JobState state, int offset, int limit, Instant now) {
        if (limit == 0) {
            return List.of();
        }
        List<Entry> page = switch (state) {
            case QUEUED -> queued(queue, offset, limit);
            case SCHEDULED -> scheduled(queue, offset, limit);
            case ACTIVE -> active(queue, offset, limit);
            default -> throw new IllegalArgumentException("cannot list " + state + " jobs by queue");
        };
        return page.isEmpty() ? List.of() : withRecords(queue, state, page, now);
    }

    /**
     * An id on the page and what the range read said about it.
     *
     * @param at when it becomes ready (scheduled) or was fetched (active); null for queued jobs
     * @param worker the worker holding it (active); null otherwise
     */
    private record Entry(String id, Instant at, String worker) {}

    private List<Entry> queued(String queue, int offset, int limit) {
        List<String> ids = redis.run("list the queued jobs of queue '" + queue + "'", true,
                jedis -> jedis.lrange(keys.ready(queue), offset, last(offset, limit)));
        return ids.stream().map(id -> new Entry(id, null, null)).toList();
    }

    private List<Entry> scheduled(String queue, int offset, int limit) {
        List<Tuple> due = redis.run("list the scheduled jobs of queue '" + queue + "'", true,
                jedis -> jedis.zrangeWithScores(keys.scheduled(queue), offset, last(offset, limit)));
        return due.stream().map(t -> new Entry(t.getElement(), Instant.ofEpochMilli((long) t.getScore()), null)).toList();
    }

    private List<Entry> active(String queue, int offset, int limit) {
        List<Entry> all = redis.run("list the active jobs of queue '" + queue + "'", true, jedis -> {
            List<String> workers = jedis.zrange(keys.queueWorkers(queue), 0, -1);
            Pipeline pipeline = jedis.pipelined();
            List<Response<List<Tuple>>> inFlight = new ArrayList<>();
            for (String worker : workers) {
                inFlight.add(pipeline.zrangeWithScores(keys.active(queue, worker), 0, -1));
            }
            pipeline.sync();
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < workers.size(); i++) {
                for (Tuple held : inFlight.get(i).get()) {
                    entries.add(new Entry(held.getElement(), Instant.ofEpochMilli((long) held.getScore()), workers.get(i)));
                }
            }
            return entries;
        });
        return all.stream()
                .sorted(Comparator.comparing(Entry::at).thenComparing(Entry::id))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    private List<PendingJob> withRecords(String queue, JobState state, List<Entry> page, Instant now) {
        List<List<String>> records = redis.run("read the " + state.name().toLowerCase(Locale.ROOT)
                + " jobs of queue '" + queue + "'", true, jedis -> {
                    Pipeline pipeline = jedis.pipelined();
                    List<Response<List<String>>> responses = new ArrayList<>();
                    for (Entry entry : page) {
                        responses.add(pipeline.hmget(keys.job(queue, entry.id()), FIELDS));
                    }
                    pipeline.sync();
                    List<List<String>> values = new ArrayList<>();
                    for (Response<List<String>> response : responses) {
                        try {
                            values.add(response.get());
                        } catch (JedisDataException wrongType) {
                            values.add(null);
                        }
                    }
                    return values;
                });
        List<PendingJob> jobs = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            Map<String, String> hash = asHash(records.get(i));
            if (hash.containsKey("name") && isIn(state, hash.get(FIELDS[STATE]))) {
                Entry entry = page.get(i);
                jobs.add(new PendingJob(JobFields.fromHash(entry.id(), queue, hash, now), state,
                        state == JobState.SCHEDULED ? entry.at() : null, entry.worker(),
                        state == JobState.ACTIVE ? entry.at() : null, hash.get("lastError")));
            }
        }
        return jobs;
    }

    private static Map<String, String> asHash(List<String> values) {
        Map<String, String> hash = new HashMap<>();
        if (values != null) {
            for (int i = 0; i < FIELDS.length; i++) {
                if (values.get(i) != null) {
                    hash.put(FIELDS[i], values.get(i));
                }
            }
        }
        return hash;
    }

    /** Whether a record's state field agrees with the list its id was found on; a foreign producer may set none. */
    private static boolean isIn(JobState state, String stored) {
        return stored == null || stored.equalsIgnoreCase(state.name());
    }

    private static long last(int offset, int limit) {
        return (long) offset + limit - 1;
    }
}
