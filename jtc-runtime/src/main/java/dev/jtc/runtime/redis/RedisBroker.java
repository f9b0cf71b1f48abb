package dev.jtc.runtime.redis;

import dev.jtc.runtime.JobState;
import dev.jtc.schedule.Names;
import dev.jtc.runtime.broker.BrokenKey;
import dev.jtc.runtime.broker.BrokenKeyException;
import dev.jtc.runtime.broker.BrokenKeyWarnings;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.CompletedJob;
import dev.jtc.runtime.broker.EnqueueResult;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.HistoryRange;
import dev.jtc.runtime.broker.HistoryResolution;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobDetails;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.Lease;
import dev.jtc.runtime.broker.PayloadLimit;
import dev.jtc.runtime.broker.PendingJob;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.RecoveryResult;
import dev.jtc.runtime.broker.ThroughputBucket;
import dev.jtc.runtime.broker.TickResult;
import dev.jtc.runtime.broker.WireLimits;
import dev.jtc.runtime.broker.WorkerInfo;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.util.KeyValue;

/**
 * The {@link Broker} on Redis 6.2+. Every step that touches more than one key is a Lua script run
 * by SHA, and every key of a queue shares the queue's hash tag ({@code jtc:{mail}:...}), so each
 * script stays in one slot and a crash between two calls leaves nothing half done. The layout is
 * documented in {@code docs/wire-protocol.md}.
 *
 * <ul>
 *   <li><b>Fetch</b> moves up to {@code max} ids from a queue's ready list into the worker's
 *       in-flight set in one script (promoting due scheduled jobs first), queue by queue in the
 *       order given. Only when every queue is empty does it block, on {@code BLPOP} over the
 *       queues' signal lists that every enqueue pushes to, on a connection of its own. An interrupt
 *       ends the wait at once (the worker's shutdown does not sit out its fetch wait) and leaves
 *       the connection healthy; jobs are only ever taken by the fetch script, whose reply is
 *       always read, so an interrupt never strands a job in flight.
 *   <li><b>Recovery</b>: a heartbeat writes the worker's expiry into each of its queues; a pass
 *       takes back the in-flight jobs of workers whose expiry has passed.
 *   <li><b>Time</b> comes from the {@link Clock} and is passed to every script, so tests with a
 *       manual clock work. Workers compare each other's heartbeat expiries, so their clocks must
 *       agree to well within the heartbeat TTL (use NTP); skew of {@code s} seconds makes a worker
 *       look dead {@code s} seconds early or late.
 *   <li><b>Bad data</b> in Redis (a missing or malformed job record, a state no producer may
 *       write, a field outside the {@link WireLimits}, a payload over
 *       {@link RedisBrokerOptions#maxPayloadBytes()}) never stops a fetch: the job goes to the
 *       failed set with a reason that names the problem. Enqueue refuses such jobs up front.
 *   <li><b>Keys of the wrong type</b>: every script checks its keys before its first write (see
 *       {@code lib.lua}), so one that holds another type refuses with a
 *       {@link BrokenKeyException} and changes nothing. A fetch skips such a queue for a while
 *       ({@link QueueBackoff}) and takes from the others; recovery and heartbeats skip it too.
 *       Each broken key is logged once, then at most every few minutes; {@link #stats()} lists
 *       them, and {@link #audit()} finds and repairs them.
 * </ul>
 *
 * <p>Thread-safe; one instance serves a whole process.
 */
public final class RedisBroker implements Broker {

    private static final Logger LOG = LoggerFactory.getLogger(RedisBroker.class);

    /**
     * The longest single {@code BLPOP}; a longer wait is several, so a server that went silent is
     * noticed within this plus the socket timeout. (An interrupt ends a wait at once.)
     */
    static final Duration LONGEST_BLOCK = Duration.ofSeconds(1);
    /** Where the tick record of a task that never enqueued anything is kept (see {@link #taskQueue}). */
    static final String DEFAULT_TASK_QUEUE = "default";

    private static final SecureRandom TOKENS = new SecureRandom();
    private static final int PROMOTE_LIMIT = 1000;
    /** The most jobs one fetch returns, so that one script call stays short (and within Lua's stack). */
    static final int LARGEST_FETCH = 1000;
    private static final int ENQUEUE_CHUNK = 500;
    /**
     * The most jobs one complete script acknowledges: it passes them to single commands with Lua's
     * {@code unpack}, which takes fewer than 8000 values (and there are two per job).
     */
    private static final int COMPLETE_CHUNK = 1000;
    private static final int PURGE_CHUNK = 1000;
    /** Worker records that ran out longer ago than this are dropped from the registry. */
    private static final long FORGET_WORKERS_AFTER_MILLIS = Duration.ofHours(1).toMillis();

    private final RedisConnection redis;
    private final RedisKeys keys;
    private final Clock clock;
    private final RedisBrokerOptions options;
    private final HistoryReader historyReader;
    private final PendingJobReader pendingJobs;
    private final Map<String, WorkerLedger> ledgers = new ConcurrentHashMap<>();
    private final Map<String, String> taskQueues = new ConcurrentHashMap<>();
    private final QueueBackoff brokenQueues = new QueueBackoff();
    private final BrokenKeyWarnings brokenKeys = new BrokenKeyWarnings();

    private RedisBroker(RedisConnection redis, String namespace, Clock clock, RedisBrokerOptions options) {
        this.redis = redis;
        this.keys = new RedisKeys(namespace);
        this.clock = clock;
        this.options = options;
        this.pendingJobs = new PendingJobReader(redis, keys);
        this.historyReader = new HistoryReader(redis, keys);
    }

    /**
     * Connects to the Redis at {@code url} ({@code redis://[user:password@]host[:port][/db]}, or
     * {@code rediss://} for TLS) and checks it before returning.
     *
     * @param namespace the prefix of every key ({@code jtc} by default)
     * @throws BrokerException with one line and a hint if Redis cannot be reached, refuses the
     *     login or is older than 6.2
     */
    public static RedisBroker connect(String url, String namespace, Clock clock) {
        return connect(url, namespace, clock, RedisBrokerOptions.defaults());
    }

    /** As {@link #connect(String, String, Clock)}, with options (completed retention, pool size, timeouts). */
    public static RedisBroker connect(String url, String namespace, Clock clock, RedisBrokerOptions options) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(options, "options");
        RedisUrl parsed;
        try {
            parsed = RedisUrl.parse(url);
            Names.requireValid("namespace", namespace);
        } catch (IllegalArgumentException e) {
            throw new BrokerException(e.getMessage() + " (set JTC_REDIS_URL or --redis-url)", e);
        }
        return new RedisBroker(RedisConnection.open(parsed, options), namespace, clock, options);
    }

    /** The namespace every key of this broker starts with. */
    public String namespace() {
        return keys.namespace();
    }

    /** An audit of this namespace's data in Redis, for the {@code check} command. */
    public RedisAudit audit() {
        return new RedisAudit(redis, keys, clock);
    }

    /** The Redis URL, password hidden. */
    public String redactedUrl() {
        return redis.url().redacted();
    }

    // --- producing -------------------------------------------------------------------------------

    @Override
    public EnqueueResult enqueue(JobMessage job) {
        return enqueueAll(List.of(job)).get(0);
    }

    @Override
    public List<EnqueueResult> enqueueAll(List<JobMessage> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        WireLimits.check(jobs); // all or nothing: before anything is sent
        PayloadLimit.check(jobs, options.maxPayloadBytes());
        Map<String, List<Integer>> byQueue = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            JobMessage job = jobs.get(i);
            Names.requireValid("queue", job.queue());
            byQueue.computeIfAbsent(job.queue(), q -> new ArrayList<>()).add(i);
        }
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        List<List<Integer>> callJobs = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : byQueue.entrySet()) {
            String queue = entry.getKey();
            List<Integer> indexes = entry.getValue();
            for (int from = 0; from < indexes.size(); from += ENQUEUE_CHUNK) {
                List<Integer> chunk = indexes.subList(from, Math.min(indexes.size(), from + ENQUEUE_CHUNK));
                List<String> args = baseArgs(queue, now);
                for (int i : chunk) {
                    JobFields.append(jobs.get(i), args);
                }
                calls.add(new ScriptCall(Script.ENQUEUE, keys.scriptKeys(queue), args));
                callJobs.add(chunk);
            }
        }
        String[] queues = byQueue.keySet().toArray(String[]::new);
        String operation = jobs.size() == 1
                ? "enqueue job " + jobs.get(0).id() + " (" + jobs.get(0).name() + ") on queue '" + jobs.get(0).queue() + "'"
                : "enqueue " + jobs.size() + " jobs on " + byQueue.keySet();
        List<Object> replies = redis.run(operation, true,
                jedis -> redis.evalAll(jedis, calls, pipeline -> List.of(pipeline.sadd(keys.queues(), queues))));
        EnqueueResult[] results = new EnqueueResult[jobs.size()];
        for (Object reply : replies) {
            // A refused chunk wrote nothing; the others are enqueued, and sending the batch again is safe (same ids).
            RedisReplies.orThrow(reply, operation, redis.url());
        }
        for (int c = 0; c < calls.size(); c++) {
            List<Object> reply = RedisReplies.list(replies.get(c));
            List<Integer> chunk = callJobs.get(c);
            for (int j = 0; j < chunk.size(); j++) {
                String id = RedisReplies.string(reply.get(2 * j));
                boolean duplicate = "1".equals(RedisReplies.string(reply.get(2 * j + 1)));
                results[chunk.get(j)] = new EnqueueResult(id, duplicate);
            }
        }
        return List.of(results);
    }

    @Override
    public boolean cancel(String jobId) {
        Optional<String> queue = locate(jobId);
        if (queue.isEmpty()) {
            return false;
        }
        long now = clock.millis();
        List<String> args = baseArgs(queue.get(), now);
        args.add(jobId);
        args.add(Long.toString(now + options.completedRetention().toMillis()));
        args.add(Long.toString(options.completedRetention().toMillis()));
        args.add(requestToken()); // sent again after a lost reply, the same call still answers true
        Object reply = redis.run("cancel job " + jobId, true,
                jedis -> redis.eval(jedis, new ScriptCall(Script.CANCEL, keys.scriptKeys(queue.get()), args)));
        return RedisReplies.number(reply) == 1;
    }

    @Override
    public Optional<JobState> status(String jobId) {
        Optional<String> queue = locate(jobId);
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        String jobKey = keys.job(queue.get(), jobId);
        long now = clock.millis();
        // A completed job has no record any more, only its id in the completed set until it expires.
        record Read(boolean exists, List<String> fields, Double completedUntil) {}
        Read read = redis.run("read the status of job " + jobId, true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            Response<Boolean> exists = pipeline.exists(jobKey);
            Response<List<String>> values = pipeline.hmget(jobKey, "state", "expiresAt");
            Response<Double> completed = pipeline.zscore(keys.completed(queue.get()), jobId);
            pipeline.sync();
            return new Read(exists.get(), values.get(), completed.get());
        });
        if (!read.exists()) {
            return read.completedUntil() != null && read.completedUntil() > now ? Optional.of(JobState.COMPLETED) : Optional.empty();
        }
        List<String> fields = read.fields();
        return recordState(jobId, fields.get(0), fields.get(1), now);
    }

    /**
     * The state a job record's {@code state} and {@code expiresAt} fields say; empty once it has
     * expired, or for a state jtc does not know.
     */
    private static Optional<JobState> recordState(String jobId, String state, String expiresAt, long now) {
        if (expiresAt != null && JobFields.number(expiresAt, Long.MAX_VALUE) <= now) {
            return Optional.empty();
        }
        if (state == null) {
            return Optional.of(JobState.QUEUED); // written by a producer that sets no state
        }
        try {
            return Optional.of(JobState.valueOf(state.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            LOG.warn("job {} has an unknown state '{}' in Redis; reporting no status", jobId, state);
            return Optional.empty();
        }
    }

    @Override
    public Optional<JobDetails> details(String jobId) {
        Optional<String> located = locate(jobId);
        if (located.isEmpty()) {
            return Optional.empty();
        }
        String queue = located.get();
        String jobKey = keys.job(queue, jobId);
        String historyKey = keys.history(queue, jobId);
        long now = clock.millis();
        String operation = "look up job " + jobId;
        // One pipelined read: the record, its failed attempts, and the two sets that know a job
        // without a record (completed) or say when a scheduled one is due.
        record Read(Map<String, String> hash, List<String> history, Double completedUntil, Double dueAt) {}
        Read read = redis.run(operation, true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            Response<Map<String, String>> hash = pipeline.hgetAll(jobKey);
            Response<List<String>> history = pipeline.lrange(historyKey, 0, -1);
            Response<Double> completed = pipeline.zscore(keys.completed(queue), jobId);
            Response<Double> due = pipeline.zscore(keys.scheduled(queue), jobId);
            pipeline.sync();
            return new Read(orBrokenKey(jedis, operation, hash, jobKey, "hash"),
                    orBrokenKey(jedis, operation, history, historyKey, "list"),
                    orBrokenKey(jedis, operation, completed, keys.completed(queue), "zset"),
                    orBrokenKey(jedis, operation, due, keys.scheduled(queue), "zset"));
        });
        Map<String, String> hash = read.hash();
        if (hash.isEmpty()) {
            return read.completedUntil() != null && read.completedUntil() > now
                    ? Optional.of(JobDetails.completed(jobId, queue)) : Optional.empty();
        }
        Optional<JobState> known = recordState(jobId, hash.get("state"), hash.get("expiresAt"), now);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        JobState state = known.get();
        JobMessage job = JobFields.fromHash(jobId, queue, hash, Instant.ofEpochMilli(now));
        Instant dueAt = state != JobState.SCHEDULED ? null
                : read.dueAt() != null ? Instant.ofEpochMilli(read.dueAt().longValue()) : job.runAt();
        boolean active = state == JobState.ACTIVE;
        boolean failedNow = state == JobState.FAILED;
        List<Failure> history = read.history().stream().map(RedisJson::readFailure).toList();
        return Optional.of(new JobDetails(jobId, queue, state, job, dueAt, active ? hash.get("worker") : null,
                active ? JobFields.instant(hash.get("startedAt"), null) : null,
                failedNow ? JobFields.instant(hash.get("failedAt"), null) : null, failedNow ? hash.get("reason") : null,
                history));
    }

    /** A pipelined reply; one from a key of the wrong type is a {@link BrokenKeyException} naming the key. */
    private static <T> T orBrokenKey(Jedis jedis, String operation, Response<T> response, String key, String expected) {
        try {
            return response.get();
        } catch (JedisDataException e) {
            throw wrongType(jedis, operation, key, expected, e);
        }
    }

    // --- consuming -------------------------------------------------------------------------------

    @Override
    public List<JobMessage> fetch(String workerId, List<String> queues, int max, Duration wait) throws InterruptedException {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(wait, "wait");
        if (max <= 0 || queues.isEmpty()) {
            return List.of();
        }
        queues.forEach(q -> Names.requireValid("queue", q));
        int batch = Math.min(max, LARGEST_FETCH);
        WorkerLedger ledger = ledger(workerId);
        long deadline = System.nanoTime() + saturatedNanos(wait);
        ledger.fetchLock.lockInterruptibly();
        try {
            while (true) {
                if (ledger.needsReconcile()) {
                    reconcile(workerId, ledger, queues);
                }
                FetchRound round = fetchRound(workerId, queues, batch, ledger);
                if (!round.jobs().isEmpty()) {
                    return round.jobs();
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return List.of();
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("fetch for worker " + workerId + " interrupted");
                }
                long blockMillis = Math.min(remainingMillis, LONGEST_BLOCK.toMillis());
                if (round.nextDue() != null) {
                    blockMillis = Math.min(blockMillis, Math.max(0, round.nextDue() - clock.millis()));
                }
                // A broken queue's signal list may be broken too: wait only on the others, and no
                // longer than until the first broken one is tried again.
                List<String> healthy = queues.stream().filter(q -> !brokenQueues.skipping(q)).toList();
                Long retry = brokenQueues.millisUntilRetry(queues);
                if (retry != null) {
                    blockMillis = Math.min(blockMillis, Math.max(1, retry));
                }
                if (blockMillis > 0 && healthy.isEmpty()) {
                    Thread.sleep(blockMillis);
                } else if (blockMillis > 0) {
                    awaitSignal(healthy, blockMillis);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("fetch for worker " + workerId + " interrupted");
                }
            }
        } finally {
            ledger.fetchLock.unlock();
        }
    }

    private record FetchRound(List<JobMessage> jobs, Long nextDue) {}

    private FetchRound fetchRound(String workerId, List<String> queues, int max, WorkerLedger ledger) {
        List<JobMessage> taken = new ArrayList<>();
        Long nextDue = null;
        for (String queue : queues) {
            int want = max - taken.size();
            if (want <= 0) {
                break;
            }
            if (brokenQueues.skipping(queue)) {
                continue;
            }
            long now = clock.millis();
            List<String> args = baseArgs(queue, now);
            args.add(workerId);
            args.add(Integer.toString(want));
            args.add(Long.toString(ledger.heartbeatExpiryOr(now)));
            args.add(Integer.toString(PROMOTE_LIMIT));
            args.add(Integer.toString(options.maxPayloadBytes()));
            ledger.fetchedFrom(queue);
            List<Object> reply;
            try {
                // The queue is registered (SADD, same round trip) so that recovery, stats and the
                // failed-set listing find it even if no job was ever enqueued through a broker.
                reply = RedisReplies.list(redis.run("fetch from queue '" + queue + "' for worker " + workerId, false,
                        jedis -> redis.evalAll(jedis, List.of(new ScriptCall(Script.FETCH, keys.scriptKeys(queue), args)),
                                pipeline -> List.of(pipeline.sadd(keys.queues(), queue))).get(0)));
            } catch (BrokenKeyException e) {
                // The script refused before it took anything: nothing to reconcile. The queue is
                // skipped for a while; the others are fetched as usual.
                brokenQueues.refused(queue);
                brokenKey(e, "the queue's jobs stay where they are; the other queues are fetched as usual, and this one"
                        + " is tried again every few seconds");
                continue;
            } catch (RuntimeException e) {
                // Whatever failed (the connection, or a command sent with the script), the script may
                // have run and taken jobs this worker never saw: the next fetch reconciles.
                ledger.markReplyLost();
                if (!taken.isEmpty()) {
                    LOG.warn("{}; returning the {} jobs already taken from earlier queues", e.getMessage(), taken.size());
                    return new FetchRound(taken, null);
                }
                throw e;
            }
            if (brokenQueues.worked(queue) | brokenKeys.worked(queue)) {
                LOG.info("fetch from queue '{}' works again: its keys are repaired", queue);
            }
            String due = RedisReplies.string(reply.get(0));
            if (!due.isEmpty()) {
                long dueMillis = (long) Double.parseDouble(due);
                nextDue = nextDue == null ? dueMillis : Math.min(nextDue, dueMillis);
            }
            long quarantined = RedisReplies.number(reply.get(1));
            if (quarantined > 0) {
                LOG.warn("fetch from queue '{}' found {} job record(s) in Redis it cannot deliver (missing, malformed,"
                        + " oversize, or in a state it does not know) and moved them to the failed set with the reason;"
                        + " see 'failed list'", queue, quarantined);
            }
            long skipped = RedisReplies.number(reply.get(2));
            if (skipped > 0) {
                LOG.warn("fetch from queue '{}' dropped {} stale entr{} of jobs that are already elsewhere (running,"
                        + " finished, failed or cancelled) or listed twice; each such job is still where its record says",
                        queue, skipped, skipped == 1 ? "y" : "ies");
            }
            for (int i = 3; i + JobFields.COUNT <= reply.size(); i += JobFields.COUNT) {
                JobMessage job = readFetched(workerId, queue, reply, i);
                if (job != null) {
                    ledger.delivered(job.id(), queue);
                    taken.add(job);
                }
            }
        }
        return new FetchRound(taken, nextDue);
    }

    /** A fetched job, or null if Java cannot read what the script let through (then it is failed, not lost). */
    private JobMessage readFetched(String workerId, String queue, List<Object> reply, int offset) {
        try {
            return JobFields.read(reply, offset, queue);
        } catch (RuntimeException e) {
            String id = RedisReplies.string(reply.get(offset));
            String reason = "malformed job record: " + e.getMessage();
            LOG.warn("job {} on queue '{}' cannot be read ({}); moving it to the failed set", id, queue, e.getMessage());
            Failure failure = new Failure(0, clock.instant(), reason, "");
            List<String> args = baseArgs(queue, clock.millis());
            args.addAll(List.of(workerId, id, RedisJson.failure(failure), reason, options.history() ? "1" : "0"));
            redis.run("move unreadable job " + id + " to the failed set", true,
                    jedis -> redis.eval(jedis, new ScriptCall(Script.FAIL, keys.scriptKeys(queue), args)));
            return null;
        }
    }

    /** Blocks until a signal token arrives on one of the queues or {@code millis} pass; an interrupt ends it at once. */
    private void awaitSignal(List<String> queues, long millis) throws InterruptedException {
        String[] signals = queues.stream().map(keys::signal).toArray(String[]::new);
        double seconds = Math.max(0.001, millis / 1000.0);
        redis.blockInterruptibly("wait for jobs on " + queues, jedis -> jedis.blpop(seconds, signals), this::putBackSignal);
    }

    /**
     * A wake-up token that an interrupted wait popped after its fetcher had left belongs to another
     * idle worker: it goes back (at most one token per queue, as the scripts keep it), so that
     * worker still wakes for the job that was announced.
     */
    private void putBackSignal(KeyValue<String, String> popped) {
        String signal = popped.getKey();
        try {
            redis.run("put back the wake-up token " + signal, true, jedis -> {
                Pipeline pipeline = jedis.pipelined();
                pipeline.lpush(signal, "1");
                pipeline.ltrim(signal, 0, 0);
                pipeline.sync();
                return null;
            });
        } catch (BrokerException e) {
            LOG.debug("could not put back the wake-up token {}: {} (idle workers notice the job at their next wait slice)",
                    signal, e.getMessage());
        }
    }

    /**
     * Puts back every in-flight job of {@code workerId} that this process never handed to it. A
     * queue whose keys are broken is left for a later fetch (its jobs stay in flight meanwhile).
     */
    private void reconcile(String workerId, WorkerLedger ledger, List<String> queues) {
        Set<String> all = new LinkedHashSet<>();
        if (ledger.replyLost()) {
            all.addAll(queues);
            all.addAll(ledger.queues());
        }
        all.addAll(ledger.unreconciled());
        ledger.reconcilingAll(all); // each stays pending until its reconciliation worked
        all.removeIf(brokenQueues::skipping);
        if (all.isEmpty()) {
            return;
        }
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        List<String> order = new ArrayList<>(all);
        for (String queue : order) {
            List<String> args = baseArgs(queue, now);
            args.add(workerId);
            args.addAll(ledger.heldFrom(queue));
            calls.add(new ScriptCall(Script.RECONCILE, keys.scriptKeys(queue), args));
        }
        String operation = "put back jobs of worker " + workerId + " whose fetch reply was lost";
        List<Object> replies = redis.run(operation, true, jedis -> redis.evalAll(jedis, calls, pipeline -> List.of()));
        long putBack = 0;
        for (int i = 0; i < replies.size(); i++) {
            try {
                putBack += RedisReplies.number(RedisReplies.orThrow(replies.get(i), operation, redis.url()));
                ledger.reconciled(order.get(i));
            } catch (BrokenKeyException e) {
                brokenQueues.refused(order.get(i));
                brokenKey(e, "its jobs stay in flight and are put back once the key is repaired");
            }
        }
        if (putBack > 0) {
            LOG.warn("put {} job(s) back on their queues: worker {} never received them (a fetch reply was lost)", putBack, workerId);
        }
    }

    /** Logs a refusal because of a broken key: once when it starts, then at most every few minutes. */
    private void brokenKey(BrokenKeyException e, String consequence) {
        int refusals = brokenKeys.refused(e.brokenKey());
        if (refusals == 1) {
            LOG.warn("{}; {}", e.getMessage(), consequence);
        } else if (refusals > 1) {
            LOG.warn("{} (still, {} refusals since the last mention); {}", e.getMessage(), refusals, consequence);
        }
    }

    @Override
    public void complete(String workerId, List<JobMessage> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        long now = clock.millis();
        long retention = options.completedRetention().toMillis();
        List<ScriptCall> calls = new ArrayList<>();
        for (Map.Entry<String, List<JobMessage>> entry : byQueue(jobs).entrySet()) {
            List<JobMessage> queueJobs = entry.getValue();
            for (int from = 0; from < queueJobs.size(); from += COMPLETE_CHUNK) {
                List<String> args = baseArgs(entry.getKey(), now);
                args.add(workerId);
                args.add(Long.toString(now + retention));
                args.add(options.history() ? "1" : "0");
                for (JobMessage job : queueJobs.subList(from, Math.min(queueJobs.size(), from + COMPLETE_CHUNK))) {
                    args.add(job.id());
                    args.add(job.uniqueKey() == null ? "" : job.uniqueKey());
                }
                calls.add(new ScriptCall(Script.COMPLETE, keys.scriptKeys(entry.getKey()), args));
            }
        }
        String operation = jobs.size() == 1 ? "complete job " + jobs.get(0).id() : "complete " + jobs.size() + " jobs";
        List<Object> replies = redis.run(operation, true, jedis -> redis.evalAll(jedis, calls, pipeline -> List.of()));
        for (Object reply : replies) {
            // A refused queue changed nothing; completing the others again when the call is repeated is a no-op.
            RedisReplies.orThrow(reply, operation, redis.url());
        }
        acknowledged(workerId, jobs);
    }

    @Override
    public void retry(String workerId, JobMessage job, Failure failure, Instant retryAt) {
        List<String> args = baseArgs(job.queue(), clock.millis());
        args.addAll(List.of(workerId, job.id(), Long.toString(retryAt.toEpochMilli()), RedisJson.failure(failure),
                failure.reason(), options.history() ? "1" : "0"));
        redis.run("schedule a retry of job " + job.id(), true,
                jedis -> redis.eval(jedis, new ScriptCall(Script.RETRY, keys.scriptKeys(job.queue()), args)));
        acknowledged(workerId, List.of(job));
    }

    @Override
    public void postpone(String workerId, JobMessage job, Instant runAt) {
        List<String> args = baseArgs(job.queue(), clock.millis());
        args.addAll(List.of(workerId, Long.toString(runAt.toEpochMilli()), job.id()));
        redis.run("postpone job " + job.id(), true,
                jedis -> redis.eval(jedis, new ScriptCall(Script.POSTPONE, keys.scriptKeys(job.queue()), args)));
        acknowledged(workerId, List.of(job));
    }

    // --- limits ----------------------------------------------------------------------------------

    @Override
    public boolean acquireLease(String key, String holder, int limit, Duration ttl) {
        Lease.checkLease(key, limit);
        long now = clock.millis();
        List<String> args = limitArgs(key, now, "lease", holder);
        args.addAll(List.of("acquire", Integer.toString(limit), Long.toString(now + ttl.toMillis())));
        // Idempotent: a holder that already holds a lease is answered 1 again.
        Object reply = redis.run("take a hold on limit " + key, true, jedis -> redis.eval(jedis, limitCall(Script.LEASE, key, args)));
        return RedisReplies.number(reply) == 1;
    }

    @Override
    public void releaseLease(Lease lease) {
        String key = keys.limitPrefix(lease.key()) + "lease";
        redis.run("give back a hold on limit " + lease.key(), true, jedis -> jedis.zrem(key, lease.holder()));
    }

    @Override
    public List<Lease> renewLeases(List<Lease> leases, Duration ttl) {
        if (leases.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        for (Lease lease : leases) {
            List<String> args = limitArgs(lease.key(), now, "lease", lease.holder());
            args.addAll(List.of("renew", Long.toString(now + ttl.toMillis())));
            calls.add(limitCall(Script.LEASE, lease.key(), args));
        }
        String operation = "renew " + leases.size() + " hold(s) on limits";
        List<Object> replies = redis.run(operation, true, jedis -> redis.evalAll(jedis, calls, pipeline -> List.of()));
        List<Lease> lapsed = new ArrayList<>();
        for (int i = 0; i < leases.size(); i++) {
            if (RedisReplies.number(RedisReplies.orThrow(replies.get(i), operation, redis.url())) == 0) {
                lapsed.add(leases.get(i));
            }
        }
        return lapsed;
    }

    @Override
    public Optional<Instant> acquireRate(String key, String holder, int limit, Duration window) {
        Lease.checkRate(key, limit, window);
        List<String> args = limitArgs(key, clock.millis(), "rate", holder);
        args.addAll(List.of(Integer.toString(limit), Long.toString(window.toMillis())));
        // Not idempotent: a start counted twice after a lost reply would hold back one start too many.
        Object reply = redis.run("count a start against rate limit " + key, false,
                jedis -> redis.eval(jedis, limitCall(Script.RATE, key, args)));
        long nextStart = RedisReplies.number(reply);
        return nextStart == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(nextStart));
    }

    /** A limit script's ARGV: its prefix where a queue script has the queue's, the key, now, then which key and the holder. */
    private List<String> limitArgs(String key, long now, String kind, String holder) {
        List<String> args = new ArrayList<>();
        args.add(keys.limitPrefix(key));
        args.add(key);
        args.add(Long.toString(now));
        args.add(kind);
        args.add(holder);
        return args;
    }

    /** KEYS holds the one key the script touches, so that a cluster routes the call to its shard. */
    private ScriptCall limitCall(Script script, String key, List<String> args) {
        return new ScriptCall(script, List.of(keys.limitPrefix(key) + args.get(3)), args);
    }

    @Override
    public void fail(String workerId, JobMessage job, Failure failure) {
        List<String> args = baseArgs(job.queue(), clock.millis());
        args.addAll(List.of(workerId, job.id(), RedisJson.failure(failure), failure.reason(), options.history() ? "1" : "0"));
        redis.run("move job " + job.id() + " to the failed set", true,
                jedis -> redis.eval(jedis, new ScriptCall(Script.FAIL, keys.scriptKeys(job.queue()), args)));
        acknowledged(workerId, List.of(job));
    }

    @Override
    public void release(String workerId, List<JobMessage> jobs) {
        if (jobs.isEmpty()) {
            return;
        }
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        for (Map.Entry<String, List<JobMessage>> entry : byQueue(jobs).entrySet()) {
            List<String> args = baseArgs(entry.getKey(), now);
            args.add(workerId);
            entry.getValue().forEach(job -> args.add(job.id()));
            calls.add(new ScriptCall(Script.RELEASE, keys.scriptKeys(entry.getKey()), args));
        }
        String operation = "release " + jobs.size() + " job(s) of worker " + workerId;
        List<Object> replies = redis.run(operation, true, jedis -> redis.evalAll(jedis, calls, pipeline -> List.of()));
        for (Object reply : replies) {
            RedisReplies.orThrow(reply, operation, redis.url());
        }
        acknowledged(workerId, jobs);
    }

    private void acknowledged(String workerId, List<JobMessage> jobs) {
        WorkerLedger ledger = ledgers.get(workerId);
        if (ledger != null) {
            jobs.forEach(job -> ledger.acknowledged(job.id()));
        }
    }

    // --- workers and recovery --------------------------------------------------------------------

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        Instant now = clock.instant();
        long expiry = now.toEpochMilli() + ttl.toMillis();
        WorkerLedger ledger = ledger(worker.id());
        ledger.heartbeatUntil(expiry);
        Set<String> queues = new LinkedHashSet<>(worker.queues());
        queues.addAll(ledger.queues());
        queues.forEach(q -> Names.requireValid("queue", q));
        String record = RedisJson.worker(worker, now, expiry);
        String operation = "heartbeat of worker " + worker.id();
        List<BrokenKey> brokenQueueKeys = redis.run(operation, true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            Response<?> registry = pipeline.hset(keys.workers(), worker.id(), record);
            Response<?> known = queues.isEmpty() ? null : pipeline.sadd(keys.queues(), queues.toArray(String[]::new));
            Map<String, Response<?>> perQueue = new LinkedHashMap<>();
            for (String queue : queues) {
                perQueue.put(keys.queueWorkers(queue), pipeline.zadd(keys.queueWorkers(queue), expiry, worker.id()));
            }
            pipeline.sync();
            getOrBrokenKey(jedis, operation, registry, keys.workers(), "hash");
            if (known != null) {
                getOrBrokenKey(jedis, operation, known, keys.queues(), "set");
            }
            // A queue whose workers set is broken refuses every script that needs it (fetch, recovery),
            // so this worker simply takes nothing from it: the heartbeat itself still counts.
            List<BrokenKey> broken = new ArrayList<>();
            perQueue.forEach((key, response) -> {
                try {
                    response.get();
                } catch (JedisDataException e) {
                    broken.add(new BrokenKey(key, "zset", jedis.type(key)));
                }
            });
            return broken;
        });
        for (BrokenKey key : brokenQueueKeys) {
            brokenKey(new BrokenKeyException(operation, key), "the heartbeat still counts; nothing is fetched from that queue");
        }
    }

    @Override
    public void unregister(String workerId) {
        List<String> queues = knownQueues();
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        for (String queue : queues) {
            List<String> args = baseArgs(queue, now);
            args.add(workerId);
            calls.add(new ScriptCall(Script.UNREGISTER, keys.scriptKeys(queue), args));
        }
        String operation = "unregister worker " + workerId;
        List<Object> replies = redis.run(operation, true,
                jedis -> redis.evalAll(jedis, calls, pipeline -> List.of(pipeline.hdel(keys.workers(), workerId))));
        boolean heldJobs = false;
        for (Object reply : replies) {
            try {
                heldJobs |= RedisReplies.number(RedisReplies.orThrow(reply, operation, redis.url())) == 1;
            } catch (BrokenKeyException e) {
                heldJobs = true; // its entry stays in that queue's workers set, with its last expiry: recovery sees it die
                brokenKey(e, "the worker is still listed on that queue and counts as dead there once its heartbeat runs out");
            }
        }
        if (heldJobs) {
            LOG.warn("worker {} unregistered while still holding jobs; they go back to their queues at the next recovery pass",
                    workerId);
        }
        ledgers.remove(workerId);
    }

    @Override
    public List<WorkerInfo> workers() {
        long now = clock.millis();
        return storedWorkers().stream()
                .filter(w -> w.expiresAt() > now)
                .map(RedisJson.StoredWorker::info)
                .sorted(Comparator.comparing(WorkerInfo::id))
                .toList();
    }

    private List<RedisJson.StoredWorker> storedWorkers() {
        Map<String, String> records = redis.run("list workers", true,
                jedis -> withGlobalKey(jedis, "list workers", keys.workers(), "hash", () -> jedis.hgetAll(keys.workers())));
        List<RedisJson.StoredWorker> out = new ArrayList<>();
        for (Map.Entry<String, String> entry : records.entrySet()) {
            Optional<RedisJson.StoredWorker> worker = RedisJson.readWorker(entry.getValue());
            if (worker.isPresent()) {
                out.add(worker.get());
            } else {
                LOG.warn("ignoring unreadable worker record '{}' in {}", entry.getKey(), keys.workers());
            }
        }
        return out;
    }

    @Override
    public RecoveryResult recoverDeadWorkers(int maxRecoveries) {
        List<String> queues = knownQueues();
        if (queues.isEmpty()) {
            return RecoveryResult.NOTHING;
        }
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        for (String queue : queues) {
            List<String> args = baseArgs(queue, now);
            args.add(Integer.toString(maxRecoveries));
            calls.add(new ScriptCall(Script.RECOVER, keys.scriptKeys(queue), args));
        }
        String operation = "recover the jobs of dead workers";
        List<Object> replies = redis.run(operation, true, jedis -> redis.evalAll(jedis, calls, pipeline -> List.of()));
        Set<String> dead = new LinkedHashSet<>();
        int requeued = 0;
        int poisoned = 0;
        for (Object reply : replies) {
            List<Object> parts;
            try {
                parts = RedisReplies.list(RedisReplies.orThrow(reply, operation, redis.url()));
            } catch (BrokenKeyException e) {
                brokenKey(e, "the jobs of dead workers on this queue stay in their in-flight sets until the key is repaired;"
                        + " the other queues are recovered as usual");
                continue;
            }
            requeued += (int) RedisReplies.number(parts.get(0));
            poisoned += (int) RedisReplies.number(parts.get(1));
            for (int i = 2; i < parts.size(); i++) {
                dead.add(RedisReplies.string(parts.get(i)));
            }
        }
        forgetLongDeadWorkers(now);
        if (dead.isEmpty() && requeued == 0 && poisoned == 0) {
            return RecoveryResult.NOTHING;
        }
        LOG.warn("workers {} stopped heartbeating: {} job(s) back on their queues, {} poison pill(s) moved to the failed set",
                dead, requeued, poisoned);
        return new RecoveryResult(List.copyOf(dead), requeued, poisoned);
    }

    private void forgetLongDeadWorkers(long now) {
        String[] gone = storedWorkers().stream()
                .filter(w -> w.expiresAt() + FORGET_WORKERS_AFTER_MILLIS < now)
                .map(w -> w.info().id())
                .toArray(String[]::new);
        if (gone.length > 0) {
            redis.run("forget long-dead workers", true, jedis -> jedis.hdel(keys.workers(), gone));
        }
    }

    // --- scheduler -------------------------------------------------------------------------------

    @Override
    public Optional<Instant> lastTick(String task) {
        String queue = taskQueue(task);
        String last = redis.run("read the last tick of task " + task, true,
                jedis -> jedis.hget(keys.task(queue, task), "lastTick"));
        return Optional.ofNullable(JobFields.instant(last, null));
    }

    @Override
    public TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(tick, "tick");
        if (job != null) {
            WireLimits.check(job);
        }
        String queue = job != null ? job.queue() : taskQueue(task);
        List<String> args = baseArgs(queue, clock.millis());
        args.add(task);
        args.add(Long.toString(tick.toEpochMilli()));
        args.add(skipIfRunning ? "1" : "0");
        if (job != null) {
            JobFields.append(job, args);
        }
        boolean newDirectoryEntry = job != null && !queue.equals(taskQueues.get(task));
        String operation = "claim tick " + tick + " of task " + task;
        Object reply = redis.run(operation, true,
                jedis -> redis.evalAll(jedis, List.of(new ScriptCall(Script.CLAIM_TICK, keys.scriptKeys(queue), args)),
                        pipeline -> job == null ? List.of()
                                : newDirectoryEntry
                                        ? List.of(pipeline.sadd(keys.queues(), queue), pipeline.hset(keys.tasks(), task, queue))
                                        : List.of(pipeline.sadd(keys.queues(), queue))).get(0));
        RedisReplies.orThrow(reply, operation, redis.url());
        if (job != null) {
            taskQueues.put(task, queue);
        }
        return TickResult.valueOf(RedisReplies.string(reply));
    }

    /**
     * The queue whose slot holds {@code task}'s tick record: the queue its runs are enqueued on,
     * as recorded in the task directory by the first claim that enqueued; {@code default} for a
     * task that never enqueued anything yet. Claims that enqueue always use the job's queue, so
     * enqueues stay exactly-once whatever this returns.
     */
    private String taskQueue(String task) {
        String known = taskQueues.get(task);
        if (known != null) {
            return known;
        }
        String stored = redis.run("look up the queue of task " + task, true, jedis -> jedis.hget(keys.tasks(), task));
        if (stored != null && Names.isValid(stored)) {
            taskQueues.put(task, stored);
            return stored;
        }
        return DEFAULT_TASK_QUEUE;
    }

    // --- failed set ------------------------------------------------------------------------------

    @Override
    public List<FailedJob> failedJobs(int offset, int limit) {
        if (limit <= 0 || offset < 0) {
            return List.of();
        }
        List<String> queues = knownQueues();
        long last = (long) offset + limit - 1;
        record Entry(String queue, String id, double failedAt) {}
        List<Entry> entries = redis.run("list failed jobs", true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            List<Response<List<Tuple>>> responses = new ArrayList<>();
            for (String queue : queues) {
                responses.add(pipeline.zrevrangeWithScores(keys.prefix(queue) + "failed", 0, last));
            }
            pipeline.sync();
            List<Entry> all = new ArrayList<>();
            for (int i = 0; i < queues.size(); i++) {
                List<Tuple> failed;
                try {
                    failed = responses.get(i).get();
                } catch (JedisDataException wrongType) {
                    continue; // a failed set of the wrong type: stats and check name it; the other queues are listed
                }
                for (Tuple tuple : failed) {
                    all.add(new Entry(queues.get(i), tuple.getElement(), tuple.getScore()));
                }
            }
            return all;
        });
        List<Entry> page = entries.stream()
                .sorted(Comparator.comparingDouble(Entry::failedAt).reversed().thenComparing(Entry::id, Comparator.reverseOrder()))
                .skip(offset)
                .limit(limit)
                .toList();
        if (page.isEmpty()) {
            return List.of();
        }
        return redis.run("read failed jobs", true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            List<Response<Map<String, String>>> hashes = new ArrayList<>();
            List<Response<List<String>>> histories = new ArrayList<>();
            for (Entry entry : page) {
                hashes.add(pipeline.hgetAll(keys.job(entry.queue(), entry.id())));
                histories.add(pipeline.lrange(keys.history(entry.queue(), entry.id()), 0, -1));
            }
            pipeline.sync();
            List<FailedJob> out = new ArrayList<>();
            for (int i = 0; i < page.size(); i++) {
                Entry entry = page.get(i);
                Map<String, String> hash = recordOrNone(hashes.get(i));
                Instant failedAt = Instant.ofEpochMilli((long) entry.failedAt());
                JobMessage job = JobFields.fromHash(entry.id(), entry.queue(), hash, failedAt);
                List<Failure> history = historyOrNone(histories.get(i)).stream().map(RedisJson::readFailure).toList();
                String reason = hash.getOrDefault("reason", hash.isEmpty() ? "job record is missing" : "");
                out.add(new FailedJob(job, JobFields.instant(hash.get("failedAt"), failedAt), reason, history));
            }
            return out;
        });
    }

    /** A failed job's record, or none if the key holds another type (it shows as "job record is missing"). */
    private static Map<String, String> recordOrNone(Response<Map<String, String>> response) {
        try {
            return response.get();
        } catch (JedisDataException wrongType) {
            return Map.of();
        }
    }

    /** A failed job's history, or none if the key holds another type. */
    private static List<String> historyOrNone(Response<List<String>> response) {
        try {
            return response.get();
        } catch (JedisDataException wrongType) {
            return List.of();
        }
    }

    @Override
    public boolean retryFailed(String jobId) {
        // The token makes a call that is sent again after its reply was lost answer true again.
        return failedSetStep(Script.RETRY_FAILED, "retry failed job " + jobId, jobId, requestToken());
    }

    @Override
    public boolean deleteFailed(String jobId) {
        return failedSetStep(Script.DELETE_FAILED, "delete failed job " + jobId, jobId);
    }

    private boolean failedSetStep(Script script, String operation, String jobId, String... extra) {
        Optional<String> queue = locate(jobId);
        if (queue.isEmpty()) {
            return false;
        }
        List<String> args = baseArgs(queue.get(), clock.millis());
        args.add(jobId);
        args.addAll(List.of(extra));
        Object reply = redis.run(operation, true,
                jedis -> redis.eval(jedis, new ScriptCall(script, keys.scriptKeys(queue.get()), args)));
        return RedisReplies.number(reply) == 1;
    }

    @Override
    public long purgeFailed() {
        long total = 0;
        for (String queue : knownQueues()) {
            while (true) {
                List<String> args = baseArgs(queue, clock.millis());
                args.add(Integer.toString(PURGE_CHUNK));
                long deleted = RedisReplies.number(redis.run("purge the failed jobs of queue '" + queue + "'", true,
                        jedis -> redis.eval(jedis, new ScriptCall(Script.PURGE_FAILED, keys.scriptKeys(queue), args))));
                total += deleted;
                if (deleted < PURGE_CHUNK) {
                    break;
                }
            }
        }
        return total;
    }

    // --- inspection ------------------------------------------------------------------------------

    @Override
    public BrokerStats stats() {
        List<String> queues = knownQueues();
        long now = clock.millis();
        List<ScriptCall> calls = new ArrayList<>();
        for (String queue : queues) {
            calls.add(new ScriptCall(Script.QUEUE_STATS, keys.scriptKeys(queue), baseArgs(queue, now)));
        }
        List<Object> replies = calls.isEmpty() ? List.of()
                : redis.run("read queue statistics", true, jedis -> redis.evalAll(jedis, calls, pipeline -> List.of()));
        List<QueueStats> perQueue = new ArrayList<>();
        List<BrokenKey> broken = new ArrayList<>();
        long failed = 0;
        long processed = 0;
        long failures = 0;
        for (int i = 0; i < queues.size(); i++) {
            List<Object> numbers = RedisReplies.list(RedisReplies.orThrow(replies.get(i), "read queue statistics", redis.url()));
            String readySince = RedisReplies.string(numbers.get(7));
            perQueue.add(new QueueStats(queues.get(i), RedisReplies.number(numbers.get(0)),
                    RedisReplies.number(numbers.get(1)), RedisReplies.number(numbers.get(2)),
                    RedisReplies.number(numbers.get(6)) == 1,
                    readySince.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(readySince))));
            failed += RedisReplies.number(numbers.get(3));
            processed += RedisReplies.number(numbers.get(4));
            failures += RedisReplies.number(numbers.get(5));
            for (int b = 8; b < numbers.size(); b++) {
                String[] parts = RedisReplies.string(numbers.get(b)).split(" ", 3);
                broken.add(new BrokenKey(parts[2], parts[0], parts[1]));
            }
        }
        return new BrokerStats(perQueue, failed, processed, failures, workers(), broken);
    }

    @Override
    public List<PendingJob> pendingJobs(String queue, JobState state, int offset, int limit) {
        Names.requireValid("queue", queue);
        PendingJob.requireListable(state);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: offset " + offset + ", limit " + limit);
        }
        return pendingJobs.read(queue, state, offset, limit, clock.instant());
    }

    @Override
    public List<ThroughputBucket> history(HistoryResolution resolution, Instant from, Instant to) {
        List<ThroughputBucket> empty = HistoryRange.emptyBuckets(resolution, from, to);
        return historyReader.history(knownQueues(), resolution, empty, clock.instant());
    }

    @Override
    public List<ThroughputBucket> queueHistory(String queue, HistoryResolution resolution, Instant from, Instant to) {
        Names.requireValid("queue", queue);
        List<ThroughputBucket> empty = HistoryRange.emptyBuckets(resolution, from, to);
        return historyReader.history(List.of(queue), resolution, empty, clock.instant());
    }

    @Override
    public List<CompletedJob> recentCompleted(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: offset " + offset + ", limit " + limit);
        }
        return historyReader.recentCompleted(knownQueues(), offset, limit);
    }

    @Override
    public boolean pause(String queue) {
        return setPaused(queue, true);
    }

    @Override
    public boolean resume(String queue) {
        return setPaused(queue, false);
    }

    private boolean setPaused(String queue, boolean paused) {
        Names.requireValid("queue", queue);
        List<String> args = baseArgs(queue, clock.millis());
        args.add(paused ? "1" : "0");
        String operation = (paused ? "pause" : "resume") + " queue '" + queue + "'";
        // Registered like a fetched queue, so that stats show a paused queue before its first job.
        Object reply = redis.run(operation, true, jedis -> redis.evalAll(jedis,
                List.of(new ScriptCall(Script.PAUSE, keys.scriptKeys(queue), args)),
                pipeline -> List.of(pipeline.sadd(keys.queues(), queue))).get(0));
        return RedisReplies.number(RedisReplies.orThrow(reply, operation, redis.url())) == 1;
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisBroker[" + redis.url() + ", namespace " + keys.namespace() + "]";
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** Every queue that ever had a job, a worker or a tick in this namespace, sorted by name. */
    private List<String> knownQueues() {
        Set<String> members = redis.run("list queues", true,
                jedis -> withGlobalKey(jedis, "list queues", keys.queues(), "set", () -> jedis.smembers(keys.queues())));
        return new ArrayList<>(new TreeSet<>(members).stream().filter(Names::isValid).toList());
    }

    /**
     * The queue whose slot holds the job {@code jobId}: the part after the {@code @} of a jtc id;
     * for an id from elsewhere without a queue part, the first known queue that has the job.
     */
    private Optional<String> locate(String jobId) {
        if (jobId == null || jobId.isEmpty()) {
            return Optional.empty();
        }
        if (JobIds.isValid(jobId)) {
            return Optional.of(JobIds.queueOf(jobId));
        }
        int at = jobId.lastIndexOf('@');
        if (at >= 0 && Names.isValid(jobId.substring(at + 1))) {
            return Optional.of(jobId.substring(at + 1));
        }
        List<String> queues = knownQueues();
        if (queues.isEmpty()) {
            return Optional.empty();
        }
        List<Boolean> found = redis.run("look up job " + jobId, true, jedis -> {
            Pipeline pipeline = jedis.pipelined();
            List<Response<Boolean>> exists = new ArrayList<>();
            for (String queue : queues) {
                exists.add(pipeline.exists(keys.job(queue, jobId)));
            }
            pipeline.sync();
            return exists.stream().map(Response::get).toList();
        });
        for (int i = 0; i < queues.size(); i++) {
            if (Boolean.TRUE.equals(found.get(i))) {
                return Optional.of(queues.get(i));
            }
        }
        return Optional.empty();
    }

    /** A reply of a namespace-wide key; one of the wrong type is a {@link BrokenKeyException} naming it. */
    private static void getOrBrokenKey(Jedis jedis, String operation, Response<?> response, String key, String expected) {
        try {
            response.get();
        } catch (JedisDataException e) {
            throw wrongType(jedis, operation, key, expected, e);
        }
    }

    private static <T> T withGlobalKey(Jedis jedis, String operation, String key, String expected, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (JedisDataException e) {
            throw wrongType(jedis, operation, key, expected, e);
        }
    }

    private static RuntimeException wrongType(Jedis jedis, String operation, String key, String expected, JedisDataException e) {
        if (e.getMessage() == null || !e.getMessage().startsWith("WRONGTYPE")) {
            return e;
        }
        return new BrokenKeyException(operation, new BrokenKey(key, expected, jedis.type(key)));
    }

    /**
     * A token that names one call of {@link #cancel} or {@link #retryFailed}. The call is sent again
     * on a new connection when the first one broke, possibly after the script had run; the script
     * then finds its own token on the job and answers as the first run did, instead of "not
     * waiting" or "not failed".
     */
    private static String requestToken() {
        byte[] bytes = new byte[12];
        TOKENS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private List<String> baseArgs(String queue, long now) {
        List<String> args = new ArrayList<>();
        args.add(keys.prefix(queue));
        args.add(queue);
        args.add(Long.toString(now));
        return args;
    }

    private static Map<String, List<JobMessage>> byQueue(List<JobMessage> jobs) {
        Map<String, List<JobMessage>> out = new LinkedHashMap<>();
        for (JobMessage job : jobs) {
            out.computeIfAbsent(Names.requireValid("queue", job.queue()), q -> new ArrayList<>()).add(job);
        }
        return out;
    }

    private WorkerLedger ledger(String workerId) {
        return ledgers.computeIfAbsent(workerId, id -> new WorkerLedger());
    }

    private static long saturatedNanos(Duration wait) {
        if (wait.isNegative()) {
            return 0;
        }
        try {
            return wait.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }

    /** Test hook: as if a fetch reply for {@code workerId} had been lost, reconcile at the next fetch. */
    void simulateLostFetchReply(String workerId) {
        ledger(workerId).markReplyLost();
    }
}
