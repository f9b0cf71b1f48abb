package dev.jtc.runtime.broker;

import dev.jtc.runtime.JobState;
import dev.jtc.schedule.Names;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Broker} held in this process's memory: for tests, for {@code demo}, and for trying an
 * application without Redis. It keeps the whole broker contract (the same contract test suite
 * runs against it and against Redis), so code tested on it behaves the same in production; only
 * durability is missing: everything is gone when the process ends.
 *
 * <p>One lock guards all state, which makes every multi-step change atomic exactly as the Redis
 * broker's Lua scripts do. A blocking {@link #fetch} waits on a condition that every enqueue,
 * release and recovery signals, so it returns as soon as a job arrives. All times come from the
 * {@link Clock}; delayed jobs are promoted when that clock says they are due, heartbeats expire
 * by it, and completed records are forgotten {@link #DEFAULT_COMPLETED_RETENTION} (or the
 * retention given) after they finished. Because a test clock may jump without telling anyone, a
 * blocked fetch looks at the clock again at least every {@link #MAX_CLOCK_RECHECK}.
 */
public final class InMemoryBroker implements Broker {

    /** How long completed and cancelled records stay visible to {@link #status}, unless told otherwise. */
    public static final Duration DEFAULT_COMPLETED_RETENTION = Duration.ofMinutes(5);

    static final Duration MAX_CLOCK_RECHECK = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(InMemoryBroker.class);

    private final Clock clock;
    private final Duration completedRetention;
    private final int maxPayloadBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    private final Map<String, JobRecord> records = new HashMap<>();
    private final Map<String, Deque<String>> ready = new TreeMap<>();
    private final TreeSet<JobRecord> delayed = new TreeSet<>(
            Comparator.comparing((JobRecord r) -> r.dueAt).thenComparingLong(r -> r.sequence));
    private final Map<String, LinkedHashMap<String, JobMessage>> inFlight = new HashMap<>();
    private final Map<String, String> uniqueKeyHolders = new HashMap<>();
    private final Map<String, Heartbeat> heartbeats = new HashMap<>();
    private final Map<String, Instant> lastTicks = new HashMap<>();
    private final Map<String, String> lastTickJobs = new HashMap<>();
    private final TreeSet<JobRecord> failed = new TreeSet<>(
            Comparator.comparing((JobRecord r) -> r.failedAt).thenComparingLong(r -> r.sequence).reversed());
    private final Deque<JobRecord> finished = new ArrayDeque<>();
    private final Map<String, Map<HistoryResolution, TreeMap<Long, long[]>>> history = new HashMap<>();
    private final Map<String, Deque<CompletedJob>> recentlyCompleted = new HashMap<>();
    private final Set<String> paused = new HashSet<>();
    /** Limit key → holder → held until (ms). */
    private final Map<String, Map<String, Long>> leases = new HashMap<>();
    /** Limit key → the start times (ms) counted in its window, oldest first. */
    private final Map<String, ArrayDeque<Long>> rates = new HashMap<>();
    private long sequence;
    private long processed;
    private long failures;
    private boolean closed;

    /** A broker on {@code clock} that keeps completed records for five minutes. */
    public InMemoryBroker(Clock clock) {
        this(clock, DEFAULT_COMPLETED_RETENTION);
    }

    /** A broker on {@code clock} that keeps completed and cancelled records for {@code completedRetention}. */
    public InMemoryBroker(Clock clock, Duration completedRetention) {
        this(clock, completedRetention, PayloadLimit.DEFAULT_MAX_BYTES);
    }

    /**
     * A broker on {@code clock} that keeps completed and cancelled records for
     * {@code completedRetention} and refuses payloads over {@code maxPayloadBytes} (UTF-8 bytes).
     */
    public InMemoryBroker(Clock clock, Duration completedRetention, int maxPayloadBytes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.completedRetention = Objects.requireNonNull(completedRetention, "completedRetention");
        if (completedRetention.isNegative()) {
            throw new IllegalArgumentException("completedRetention must not be negative: " + completedRetention);
        }
        this.maxPayloadBytes = PayloadLimit.requireValid(maxPayloadBytes, "maxPayloadBytes");
    }

    // --- producing -----------------------------------------------------------------------------

    @Override
    public EnqueueResult enqueue(JobMessage job) {
        Objects.requireNonNull(job, "job");
        WireLimits.check(job);
        PayloadLimit.check(job, maxPayloadBytes);
        lock.lock();
        try {
            open();
            return enqueueLocked(job, clock.instant());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<EnqueueResult> enqueueAll(List<JobMessage> jobs) {
        List<EnqueueResult> results = new ArrayList<>(jobs.size());
        WireLimits.check(jobs); // all or nothing: check every job before enqueuing any
        PayloadLimit.check(jobs, maxPayloadBytes);
        lock.lock();
        try {
            open();
            Instant now = clock.instant();
            for (JobMessage job : jobs) {
                results.add(enqueueLocked(Objects.requireNonNull(job, "job"), now));
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    private EnqueueResult enqueueLocked(JobMessage job, Instant now) {
        if (job.uniqueKey() != null) {
            String holder = uniqueKeyHolders.get(job.uniqueKey());
            if (holder != null && !holder.equals(job.id())) {
                return new EnqueueResult(holder, true);
            }
        }
        JobRecord existing = records.get(job.id());
        if (existing != null && !existing.hasExpired(now)) {
            // The same job sent again (a producer retrying its own request) is enqueued once, whatever
            // became of it, until its record expires: as in Redis, a failed or finished job is not revived.
            return new EnqueueResult(job.id(), false);
        }
        if (job.uniqueKey() != null) {
            uniqueKeyHolders.put(job.uniqueKey(), job.id());
        }
        JobRecord record = new JobRecord(job, ++sequence);
        records.put(job.id(), record);
        ready.computeIfAbsent(job.queue(), q -> new ArrayDeque<>());
        if (job.runAt() != null && job.runAt().isAfter(now)) {
            schedule(record, job.runAt());
        } else {
            makeReady(record, false);
        }
        changed.signalAll();
        return new EnqueueResult(job.id(), false);
    }

    @Override
    public boolean cancel(String jobId) {
        lock.lock();
        try {
            open();
            JobRecord record = records.get(jobId);
            if (record == null || (record.state != JobState.QUEUED && record.state != JobState.SCHEDULED)) {
                return false;
            }
            if (record.state == JobState.QUEUED) {
                ready.get(record.message.queue()).remove(jobId);
            } else {
                delayed.remove(record);
            }
            finish(record, JobState.CANCELLED, clock.instant());
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<JobState> status(String jobId) {
        lock.lock();
        try {
            open();
            expireFinished(clock.instant());
            JobRecord record = records.get(jobId);
            if (record == null || (record.expiresAt != null && !record.expiresAt.isAfter(clock.instant()))) {
                return Optional.empty();
            }
            return Optional.of(record.state);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<JobDetails> details(String jobId) {
        lock.lock();
        try {
            open();
            Instant now = clock.instant();
            expireFinished(now);
            JobRecord record = records.get(jobId);
            if (record == null || record.hasExpired(now)) {
                return Optional.empty();
            }
            JobState state = record.state;
            if (state == JobState.COMPLETED) {
                // As in Redis, where a completed job's record is deleted and only its state is kept.
                return Optional.of(JobDetails.completed(jobId, record.message.queue()));
            }
            boolean active = state == JobState.ACTIVE;
            boolean failedNow = state == JobState.FAILED;
            return Optional.of(new JobDetails(jobId, record.message.queue(), state, record.message,
                    state == JobState.SCHEDULED ? record.dueAt : null, active ? record.workerId : null,
                    active ? record.activeSince : null, failedNow ? record.failedAt : null, failedNow ? record.reason : null,
                    record.history));
        } finally {
            lock.unlock();
        }
    }

    // --- consuming -----------------------------------------------------------------------------

    @Override
    public List<JobMessage> fetch(String workerId, List<String> queues, int max, Duration wait) throws InterruptedException {
        Objects.requireNonNull(workerId, "workerId");
        if (max <= 0) {
            return List.of();
        }
        long deadline = System.nanoTime() + saturatedNanos(wait);
        lock.lockInterruptibly();
        try {
            while (true) {
                open();
                Instant now = clock.instant();
                promoteDue(now);
                List<JobMessage> taken = take(workerId, queues, max);
                long remaining = deadline - System.nanoTime();
                if (!taken.isEmpty() || remaining <= 0) {
                    return taken;
                }
                long untilDue = delayed.isEmpty() ? Long.MAX_VALUE
                        : Math.max(1, Duration.between(now, delayed.first().dueAt).toNanos());
                changed.awaitNanos(Math.min(Math.min(remaining, untilDue), MAX_CLOCK_RECHECK.toNanos()));
            }
        } finally {
            lock.unlock();
        }
    }

    private List<JobMessage> take(String workerId, List<String> queues, int max) {
        List<JobMessage> taken = new ArrayList<>();
        for (String queue : queues) {
            if (paused.contains(queue)) {
                continue;
            }
            Deque<String> waiting = ready.get(queue);
            while (waiting != null && !waiting.isEmpty() && taken.size() < max) {
                JobRecord record = records.get(waiting.pollFirst());
                JobMessage delivered = record.message.withAttempt(record.message.attempt() + 1);
                record.message = delivered;
                record.state = JobState.ACTIVE;
                record.workerId = workerId;
                record.activeSince = clock.instant();
                inFlight.computeIfAbsent(workerId, w -> new LinkedHashMap<>()).put(delivered.id(), delivered);
                taken.add(delivered);
            }
        }
        return taken;
    }

    @Override
    public void complete(String workerId, List<JobMessage> jobs) {
        lock.lock();
        try {
            open();
            Instant now = clock.instant();
            for (JobMessage job : jobs) {
                JobRecord record = takeInFlight(workerId, job, "complete");
                if (record != null) {
                    processed++;
                    count(record.message.queue(), now, 1, 0);
                    remember(new CompletedJob(record.message.id(), record.message.name(), record.message.queue(),
                            record.message.enqueuedAt(), record.activeSince, now, record.message.attempt()));
                    finish(record, JobState.COMPLETED, now);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void retry(String workerId, JobMessage job, Failure failure, Instant retryAt) {
        lock.lock();
        try {
            open();
            JobRecord record = takeInFlight(workerId, job, "retry");
            if (record == null) {
                return;
            }
            failures++;
            count(record.message.queue(), clock.instant(), 0, 1);
            record.history.add(failure);
            waitUntil(record, retryAt);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void postpone(String workerId, JobMessage job, Instant runAt) {
        lock.lock();
        try {
            open();
            JobRecord record = takeInFlight(workerId, job, "postpone");
            if (record == null) {
                return;
            }
            record.message = record.message.withAttempt(record.message.attempt() - 1);
            waitUntil(record, runAt);
        } finally {
            lock.unlock();
        }
    }

    /** A job taken back from its worker waits until {@code at}: scheduled, or at the tail of its queue if that time has come. */
    private void waitUntil(JobRecord record, Instant at) {
        record.workerId = null;
        record.message = record.message.withRunAt(at); // the next attempt's run-at, as Redis records it
        if (at.isAfter(clock.instant())) {
            schedule(record, at);
        } else {
            makeReady(record, false);
        }
        changed.signalAll(); // also for a later time: blocked fetchers recompute when to wake up, as in Redis
    }

    // --- limits ----------------------------------------------------------------------------------

    @Override
    public boolean acquireLease(String key, String holder, int limit, Duration ttl) {
        Lease.checkLease(key, limit);
        lock.lock();
        try {
            open();
            long now = clock.millis();
            Map<String, Long> holds = leases.computeIfAbsent(key, k -> new HashMap<>());
            holds.values().removeIf(until -> until <= now);
            if (!holds.containsKey(holder) && holds.size() >= limit) {
                return false;
            }
            holds.put(holder, now + ttl.toMillis());
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void releaseLease(Lease lease) {
        lock.lock();
        try {
            open();
            Map<String, Long> holds = leases.get(lease.key());
            if (holds != null && holds.remove(lease.holder()) != null && holds.isEmpty()) {
                leases.remove(lease.key());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Lease> renewLeases(List<Lease> held, Duration ttl) {
        lock.lock();
        try {
            open();
            long now = clock.millis();
            List<Lease> lapsed = new ArrayList<>();
            for (Lease lease : held) {
                Map<String, Long> holds = leases.get(lease.key());
                Long until = holds == null ? null : holds.get(lease.holder());
                if (until == null || until <= now) {
                    if (holds != null) {
                        holds.remove(lease.holder());
                    }
                    lapsed.add(lease);
                } else {
                    holds.put(lease.holder(), now + ttl.toMillis());
                }
            }
            return lapsed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<Instant> acquireRate(String key, String holder, int limit, Duration window) {
        Lease.checkRate(key, limit, window);
        lock.lock();
        try {
            open();
            long now = clock.millis();
            ArrayDeque<Long> starts = rates.computeIfAbsent(key, k -> new ArrayDeque<>());
            while (!starts.isEmpty() && starts.peekFirst() <= now - window.toMillis()) {
                starts.pollFirst();
            }
            if (starts.size() < limit) {
                starts.addLast(now);
                return Optional.empty();
            }
            return Optional.of(Instant.ofEpochMilli(starts.peekFirst() + window.toMillis()));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void fail(String workerId, JobMessage job, Failure failure) {
        failOrReject(workerId, job, failure, "fail");
    }

    @Override
    public void reject(String workerId, JobMessage job, Failure failure) {
        failOrReject(workerId, job, failure, "reject");
    }

    private void failOrReject(String workerId, JobMessage job, Failure failure, String operation) {
        lock.lock();
        try {
            open();
            JobRecord record = takeInFlight(workerId, job, operation);
            if (record != null) {
                failures++;
                count(record.message.queue(), clock.instant(), 0, 1);
                record.history.add(failure);
                moveToFailed(record, failure.reason(), clock.instant());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(String workerId, List<JobMessage> jobs) {
        lock.lock();
        try {
            open();
            List<JobRecord> released = new ArrayList<>();
            for (JobMessage job : jobs) {
                JobRecord record = takeInFlight(workerId, job, "release");
                if (record != null) {
                    released.add(record);
                }
            }
            putBackAtHead(released, 0);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts jobs back at the head of their queues in the given order, undoing the attempt their fetch started. */
    private void putBackAtHead(List<JobRecord> jobs, int addRecoveries) {
        ListIterator<JobRecord> backwards = jobs.listIterator(jobs.size());
        while (backwards.hasPrevious()) {
            JobRecord record = backwards.previous();
            record.message = record.message.withAttempt(record.message.attempt() - 1)
                    .withRecoveries(record.message.recoveries() + addRecoveries);
            record.workerId = null;
            makeReady(record, true);
        }
    }

    /** Removes {@code job} from {@code workerId}'s in-flight set; null (and a warning) if it is not there. */
    private JobRecord takeInFlight(String workerId, JobMessage job, String operation) {
        Map<String, JobMessage> jobs = inFlight.get(workerId);
        JobRecord record = records.get(job.id());
        if (jobs == null || jobs.remove(job.id()) == null || record == null) {
            log.warn("ignored {} of job {} by worker {}: it is not in that worker's in-flight set"
                    + " (hint: it was probably recovered after the worker missed its heartbeats)", operation, job.id(), workerId);
            return null;
        }
        if (jobs.isEmpty()) {
            inFlight.remove(workerId);
        }
        return record;
    }

    // --- workers and recovery ------------------------------------------------------------------

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        lock.lock();
        try {
            open();
            heartbeats.put(worker.id(), new Heartbeat(worker, clock.instant().plus(ttl)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unregister(String workerId) {
        lock.lock();
        try {
            open();
            heartbeats.remove(workerId);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<WorkerInfo> workers() {
        lock.lock();
        try {
            open();
            return liveWorkers(clock.instant());
        } finally {
            lock.unlock();
        }
    }

    private List<WorkerInfo> liveWorkers(Instant now) {
        return heartbeats.values().stream().filter(h -> h.expiresAt.isAfter(now)).map(Heartbeat::worker)
                .sorted(Comparator.comparing(WorkerInfo::id)).toList();
    }

    @Override
    public RecoveryResult recoverDeadWorkers(int maxRecoveries) {
        lock.lock();
        try {
            open();
            Instant now = clock.instant();
            heartbeats.values().removeIf(h -> !h.expiresAt.isAfter(now));
            List<String> dead = inFlight.keySet().stream().filter(w -> !heartbeats.containsKey(w)).sorted().toList();
            if (dead.isEmpty()) {
                return RecoveryResult.NOTHING;
            }
            int requeued = 0;
            int poisoned = 0;
            for (String workerId : dead) {
                List<JobRecord> back = new ArrayList<>();
                for (JobMessage job : inFlight.remove(workerId).values()) {
                    JobRecord record = records.get(job.id());
                    if (record.message.recoveries() >= maxRecoveries) {
                        String reason = poisonReason(record.message, workerId, maxRecoveries);
                        record.history.add(new Failure(record.message.attempt(), now, reason, ""));
                        moveToFailed(record, reason, now);
                        log.error("{}", reason);
                        poisoned++;
                    } else {
                        back.add(record);
                    }
                }
                putBackAtHead(back, 1);
                requeued += back.size();
                log.warn("worker {} stopped heartbeating; {} of its jobs went back to the head of their queues",
                        workerId, back.size());
            }
            changed.signalAll();
            return new RecoveryResult(dead, requeued, poisoned);
        } finally {
            lock.unlock();
        }
    }

    static String poisonReason(JobMessage job, String workerId, int maxRecoveries) {
        return "poison pill: job " + job.id() + " (" + job.name() + ") was running on a worker that died ("
                + workerId + ") for the " + ordinal(job.recoveries() + 1) + " time; after " + maxRecoveries
                + " recoveries it goes to the failed set instead of taking down another worker";
    }

    private static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    // --- scheduler -----------------------------------------------------------------------------

    @Override
    public Optional<Instant> lastTick(String task) {
        lock.lock();
        try {
            open();
            return Optional.ofNullable(lastTicks.get(task));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning) {
        if (job != null) {
            WireLimits.check(job);
        }
        lock.lock();
        try {
            open();
            Instant last = lastTicks.get(task);
            if (last != null && !tick.isAfter(last)) {
                return TickResult.ALREADY_CLAIMED;
            }
            lastTicks.put(task, tick);
            if (job == null) {
                return TickResult.ADVANCED;
            }
            if (skipIfRunning) {
                JobRecord previous = records.get(lastTickJobs.get(task));
                if (previous != null && previous.isPending()) {
                    return TickResult.SKIPPED_OVERLAP;
                }
            }
            EnqueueResult result = enqueueLocked(job, clock.instant());
            if (result.duplicate()) {
                return TickResult.SKIPPED_OVERLAP; // another pending job holds the run's unique key
            }
            lastTickJobs.put(task, result.id());
            return TickResult.ENQUEUED;
        } finally {
            lock.unlock();
        }
    }

    // --- failed set ----------------------------------------------------------------------------

    @Override
    public List<FailedJob> failedJobs(int offset, int limit) {
        lock.lock();
        try {
            open();
            return failed.stream().skip(Math.max(0, offset)).limit(Math.max(0, limit))
                    .map(r -> new FailedJob(r.message, r.failedAt, r.reason, r.history)).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean retryFailed(String jobId) {
        lock.lock();
        try {
            open();
            JobRecord record = records.get(jobId);
            if (record == null || record.state != JobState.FAILED) {
                return false;
            }
            failed.remove(record);
            record.failedAt = null;
            record.reason = null;
            record.history.clear();
            record.message = record.message.withAttempt(0).withRecoveries(0).withRunAt(null);
            String key = record.message.uniqueKey();
            if (key != null) {
                uniqueKeyHolders.putIfAbsent(key, jobId);
            }
            makeReady(record, false);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean deleteFailed(String jobId) {
        lock.lock();
        try {
            open();
            JobRecord record = records.get(jobId);
            if (record == null || record.state != JobState.FAILED) {
                return false;
            }
            failed.remove(record);
            records.remove(jobId);
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long purgeFailed() {
        lock.lock();
        try {
            open();
            long count = failed.size();
            for (JobRecord record : failed) {
                records.remove(record.message.id());
            }
            failed.clear();
            return count;
        } finally {
            lock.unlock();
        }
    }

    // --- inspection ----------------------------------------------------------------------------

    @Override
    public BrokerStats stats() {
        lock.lock();
        try {
            open();
            Instant now = clock.instant();
            Map<String, QueueSizes> sizes = new TreeMap<>();
            ready.forEach((queue, ids) -> {
                QueueSizes q = sizes.computeIfAbsent(queue, name -> new QueueSizes());
                q.ready = ids.size();
                if (!ids.isEmpty()) {
                    q.readySince(readySince(records.get(ids.peekFirst()).message));
                }
            });
            for (JobRecord record : delayed) {
                QueueSizes q = sizes.computeIfAbsent(record.message.queue(), name -> new QueueSizes());
                if (record.dueAt.isAfter(now)) {
                    q.scheduled++;
                } else {
                    q.ready++; // due: the next fetch promotes it, so it already waits for a worker
                    q.readySince(record.dueAt);
                }
            }
            for (Map<String, JobMessage> jobs : inFlight.values()) {
                for (JobMessage job : jobs.values()) {
                    sizes.computeIfAbsent(job.queue(), name -> new QueueSizes()).active++;
                }
            }
            List<QueueStats> queues = new ArrayList<>();
            sizes.forEach((queue, q) -> queues.add(new QueueStats(queue, q.ready, q.scheduled, q.active,
                    paused.contains(queue), q.oldestReadySince)));
            return new BrokerStats(queues, failed.size(), processed, failures, liveWorkers(now));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<PendingJob> pendingJobs(String queue, JobState state, int offset, int limit) {
        Names.requireValid("queue", queue);
        PendingJob.requireListable(state);
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: offset " + offset + ", limit " + limit);
        }
        lock.lock();
        try {
            open();
            List<JobRecord> list = switch (state) {
                case QUEUED -> ready.getOrDefault(queue, new ArrayDeque<>()).stream().map(records::get).toList();
                case SCHEDULED -> delayed.stream().filter(r -> r.message.queue().equals(queue)).toList();
                default -> inFlight.values().stream() // ACTIVE: requireListable lets only these three through
                        .flatMap(jobs -> jobs.keySet().stream())
                        .map(records::get)
                        .filter(r -> r.message.queue().equals(queue))
                        .sorted(Comparator.comparing((JobRecord r) -> r.activeSince).thenComparing(r -> r.message.id()))
                        .toList();
            };
            return list.stream().skip(offset).limit(limit).map(InMemoryBroker::pending).toList();
        } finally {
            lock.unlock();
        }
    }

    private static PendingJob pending(JobRecord record) {
        boolean active = record.state == JobState.ACTIVE;
        String lastError = record.history.isEmpty() ? null : record.history.get(record.history.size() - 1).reason();
        return new PendingJob(record.message, record.state, record.state == JobState.SCHEDULED ? record.dueAt : null,
                active ? record.workerId : null, active ? record.activeSince : null, lastError);
    }

    @Override
    public List<ThroughputBucket> history(HistoryResolution resolution, Instant from, Instant to) {
        List<ThroughputBucket> empty = HistoryRange.emptyBuckets(resolution, from, to);
        lock.lock();
        try {
            open();
            List<ThroughputBucket> sum = empty;
            for (String queue : history.keySet()) {
                sum = HistoryRange.sum(sum, countsOf(queue, resolution, empty));
            }
            return sum;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<ThroughputBucket> queueHistory(String queue, HistoryResolution resolution, Instant from, Instant to) {
        Names.requireValid("queue", queue);
        List<ThroughputBucket> buckets = HistoryRange.emptyBuckets(resolution, from, to);
        lock.lock();
        try {
            open();
            return countsOf(queue, resolution, buckets);
        } finally {
            lock.unlock();
        }
    }

    private List<ThroughputBucket> countsOf(String queue, HistoryResolution resolution, List<ThroughputBucket> buckets) {
        TreeMap<Long, long[]> counts = history.getOrDefault(queue, Map.of()).getOrDefault(resolution, new TreeMap<>());
        long oldestKept = resolution.bucketStart(clock.instant()) - resolution.retention().toMillis();
        return buckets.stream().map(b -> {
            long start = b.start().toEpochMilli();
            long[] c = start > oldestKept ? counts.get(start) : null;
            return c == null ? b : b.plus(c[0], c[1]);
        }).toList();
    }

    /** Counts outcomes in the minute and day buckets of {@code at}; forgets buckets past their retention. */
    private void count(String queue, Instant at, long processedNow, long failedNow) {
        Map<HistoryResolution, TreeMap<Long, long[]>> perResolution = history.computeIfAbsent(queue,
                q -> new EnumMap<>(HistoryResolution.class));
        for (HistoryResolution resolution : HistoryResolution.values()) {
            TreeMap<Long, long[]> counts = perResolution.computeIfAbsent(resolution, r -> new TreeMap<>());
            long start = resolution.bucketStart(at);
            long[] c = counts.computeIfAbsent(start, s -> new long[2]);
            c[0] += processedNow;
            c[1] += failedNow;
            counts.headMap(start - resolution.retention().toMillis(), true).clear();
        }
    }

    private void remember(CompletedJob job) {
        Deque<CompletedJob> recent = recentlyCompleted.computeIfAbsent(job.queue(), q -> new ArrayDeque<>());
        recent.addFirst(job);
        if (recent.size() > RECENT_COMPLETED_KEPT) {
            recent.pollLast();
        }
    }

    @Override
    public List<CompletedJob> recentCompleted(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: offset " + offset + ", limit " + limit);
        }
        lock.lock();
        try {
            open();
            return recentlyCompleted.values().stream().flatMap(Deque::stream)
                    .sorted(CompletedJob.NEWEST_FIRST)
                    .skip(offset).limit(limit).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean pause(String queue) {
        Names.requireValid("queue", queue);
        lock.lock();
        try {
            open();
            ready.computeIfAbsent(queue, q -> new ArrayDeque<>()); // known from now on, as the Redis broker registers it
            return paused.add(queue);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean resume(String queue) {
        Names.requireValid("queue", queue);
        lock.lock();
        try {
            open();
            boolean was = paused.remove(queue);
            changed.signalAll();
            return was;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes blocked fetches; later calls throw {@link BrokerException}. Stored jobs are kept. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // --- internals -----------------------------------------------------------------------------

    private static long saturatedNanos(Duration wait) {
        if (wait.isNegative()) {
            return 0;
        }
        try {
            return Math.min(wait.toNanos(), Long.MAX_VALUE / 4);
        } catch (ArithmeticException longerThanCenturies) {
            return Long.MAX_VALUE / 4;
        }
    }

    private void open() {
        if (closed) {
            throw new BrokerException("in-memory broker is closed (hint: close it only after the worker has stopped)");
        }
    }

    private void schedule(JobRecord record, Instant at) {
        record.state = JobState.SCHEDULED;
        record.dueAt = at;
        record.sequence = ++sequence;
        delayed.add(record);
    }

    private void makeReady(JobRecord record, boolean atHead) {
        record.state = JobState.QUEUED;
        record.dueAt = null;
        Deque<String> queue = ready.computeIfAbsent(record.message.queue(), q -> new ArrayDeque<>());
        if (atHead) {
            queue.addFirst(record.message.id());
        } else {
            queue.addLast(record.message.id());
        }
    }

    private void promoteDue(Instant now) {
        boolean promoted = false;
        while (!delayed.isEmpty() && !delayed.first().dueAt.isAfter(now)) {
            makeReady(delayed.pollFirst(), false);
            promoted = true;
        }
        if (promoted) {
            changed.signalAll();
        }
    }

    private void moveToFailed(JobRecord record, String reason, Instant now) {
        record.state = JobState.FAILED;
        record.workerId = null;
        record.reason = reason;
        record.failedAt = now;
        record.sequence = ++sequence;
        releaseUniqueKey(record);
        failed.add(record);
    }

    private void finish(JobRecord record, JobState state, Instant now) {
        record.state = state;
        record.workerId = null;
        record.expiresAt = now.plus(completedRetention);
        releaseUniqueKey(record);
        finished.addLast(record);
        expireFinished(now);
    }

    private void releaseUniqueKey(JobRecord record) {
        String key = record.message.uniqueKey();
        if (key != null) {
            uniqueKeyHolders.remove(key, record.message.id());
        }
    }

    /**
     * Forgets completed and cancelled records whose retention ran out. They were appended in the
     * order they finished, so the scan stops at the first one still within its retention.
     */
    private void expireFinished(Instant now) {
        while (!finished.isEmpty()) {
            JobRecord record = finished.peekFirst();
            boolean stillFinished = records.get(record.message.id()) == record
                    && (record.state == JobState.COMPLETED || record.state == JobState.CANCELLED);
            if (stillFinished && record.expiresAt.isAfter(now)) {
                return;
            }
            finished.pollFirst();
            if (stillFinished) {
                records.remove(record.message.id());
            }
        }
    }

    private record Heartbeat(WorkerInfo worker, Instant expiresAt) {}

    /** Since when a ready job waits: its run-at time if that came after its enqueue time. */
    private static Instant readySince(JobMessage job) {
        return job.runAt() != null && job.runAt().isAfter(job.enqueuedAt()) ? job.runAt() : job.enqueuedAt();
    }

    /** One queue's sizes while {@link #stats} counts them. */
    private static final class QueueSizes {
        long ready;
        long scheduled;
        long active;
        Instant oldestReadySince;

        void readySince(Instant since) {
            if (oldestReadySince == null || since.isBefore(oldestReadySince)) {
                oldestReadySince = since;
            }
        }
    }

    /** Everything the broker knows about one job; mutated only under the broker's lock. */
    private static final class JobRecord {
        JobMessage message;
        JobState state;
        String workerId;
        Instant activeSince;
        Instant dueAt;
        Instant failedAt;
        String reason;
        Instant expiresAt;
        long sequence;
        final List<Failure> history = new ArrayList<>();

        JobRecord(JobMessage message, long sequence) {
            this.message = message;
            this.sequence = sequence;
        }

        boolean isPending() {
            return state == JobState.SCHEDULED || state == JobState.QUEUED || state == JobState.ACTIVE;
        }

        /** A completed or cancelled record whose retention ran out, not yet swept by {@code expireFinished}. */
        boolean hasExpired(Instant now) {
            return expiresAt != null && !expiresAt.isAfter(now);
        }
    }
}
