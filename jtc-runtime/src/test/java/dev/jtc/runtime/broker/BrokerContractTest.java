package dev.jtc.runtime.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one contract every {@link Broker} keeps, run against each implementation (JobRunr's
 * storage-provider tests are the model). A subclass only says how to make a broker on a given
 * clock; every test here talks to the {@link Broker} interface alone and moves time with a
 * {@link ManualClock}, never by sleeping. The few blocking-fetch tests wait a bounded number of
 * real milliseconds.
 *
 * <p>Semantics fixed here beyond the interface's javadoc, so that all brokers agree:
 * <ul>
 *   <li>a fetched message carries the attempt about to run; {@link Broker#release} and
 *       recovery do not spend an attempt (the next fetch carries the same number again);
 *   <li>released and recovered jobs go back to the head of their queue, in their old order;
 *   <li>a retry keeps the unique key held (the job is still pending); complete, fail, reject and
 *       cancel release it;
 *   <li>completed and cancelled records expire {@link #COMPLETED_RETENTION} after they finished,
 *       measured on the broker's clock; failed records stay until deleted;
 *   <li>a worker with in-flight jobs and no live heartbeat (expired, or unregistered) is dead;
 *       a poison pill's failed-set reason contains the word "poison";
 *   <li>the failure counter counts retried, failed and rejected attempts; a poison pill's fatal run
 *       is the last entry of its history but not counted;
 *   <li>an id sent again is the same job, not a unique-key duplicate: nothing changes while any
 *       record of it is kept (a failed job is not revived) or its completed status lasts;
 *   <li>a retry's message carries the retry time as {@code runAt}; a job retried from the failed
 *       set runs now ({@code runAt} null);
 *   <li>a payload over {@link PayloadLimit#DEFAULT_MAX_BYTES} UTF-8 bytes (the default limit) is
 *       refused with a {@link PayloadTooLargeException}, and a batch with one such job enqueues
 *       nothing;
 *   <li>an id, name, queue, unique key, fingerprint or counter outside the {@link WireLimits} is
 *       refused with an {@link InvalidJobException} naming the field, and a batch with one such job
 *       enqueues nothing.
 * </ul>
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
public abstract class BrokerContractTest {

    /** How long completed records live; {@link #createBroker} must use this (the default). */
    protected static final Duration COMPLETED_RETENTION = Duration.ofMinutes(5);

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    protected ManualClock clock;
    protected Broker broker;

    /**
     * A fresh, empty broker reading time from {@code clock}, with completed records kept for
     * {@link #COMPLETED_RETENTION}.
     */
    protected abstract Broker createBroker(Clock clock);

    /** Called after each test, after the broker was closed: drop whatever the broker stored. */
    protected void cleanUp() {}

    @BeforeEach
    final void setUpBroker() {
        clock = new ManualClock(START);
        broker = createBroker(clock);
    }

    @AfterEach
    final void tearDownBroker() {
        try {
            broker.close();
        } finally {
            cleanUp();
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    protected JobMessage job(String queue) {
        return job(queue, "SendMail", "{\"userId\":42}");
    }

    protected JobMessage job(String queue, String name, String payload) {
        return JobMessage.create(JobIds.next(queue), name, queue, payload, "fp-1", clock.instant(), null, null);
    }

    protected JobMessage uniqueJob(String queue, String key) {
        return JobMessage.create(JobIds.next(queue), "SendMail", queue, "{}", "", clock.instant(), null, key);
    }

    protected JobMessage delayedJob(String queue, Duration delay) {
        return JobMessage.create(JobIds.next(queue), "SendMail", queue, "{}", "", clock.instant(),
                clock.instant().plus(delay), null);
    }

    private List<JobMessage> fetchNow(String worker, int max, String... queues) throws InterruptedException {
        return broker.fetch(worker, List.of(queues), max, Duration.ZERO);
    }

    private JobMessage fetchOne(String worker, String... queues) throws InterruptedException {
        List<JobMessage> jobs = fetchNow(worker, 1, queues);
        assertEquals(1, jobs.size(), "expected exactly one job from " + List.of(queues) + ", got " + jobs);
        return jobs.get(0);
    }

    private Failure failure(JobMessage job, String reason) {
        return new Failure(job.attempt(), clock.instant(), reason, "java.lang.IllegalStateException: " + reason
                + "\n\tat dev.jtc.Example.handle(Example.java:1)\n");
    }

    private static List<String> ids(List<JobMessage> jobs) {
        return jobs.stream().map(JobMessage::id).toList();
    }

    private QueueStats queueStats(String queue) {
        return broker.stats().queues().stream().filter(q -> q.queue().equals(queue)).findFirst()
                .orElse(new QueueStats(queue, 0, 0, 0));
    }

    /** Ready, scheduled and active, in that order. */
    private static List<Long> sizes(QueueStats stats) {
        return List.of(stats.ready(), stats.scheduled(), stats.active());
    }

    private WorkerInfo worker(String id, Instant now) {
        return new WorkerInfo(id, "host-a", 4242, List.of("default"), 10, START, now);
    }

    // --- enqueue and fetch ---------------------------------------------------------------------

    @Test
    void enqueuedJobIsQueuedAndFetchedWithEveryFieldIntact() throws Exception {
        Instant enqueuedAt = clock.instant().minusMillis(1234);
        JobMessage sent = JobMessage.create(JobIds.next("mail"), "SendWelcomeEmail", "mail",
                "{\"userId\":42,\"template\":\"bienvenue \u00e0 \u4e16\u754c \\\"quoted\\\"\"}", "a1b2c3", enqueuedAt, null, null);

        EnqueueResult result = broker.enqueue(sent);

        assertEquals(new EnqueueResult(sent.id(), false), result);
        assertEquals(Optional.of(JobState.QUEUED), broker.status(sent.id()));
        JobMessage got = fetchOne("w1", "mail");
        assertEquals(sent.id(), got.id());
        assertEquals(sent.name(), got.name());
        assertEquals(sent.queue(), got.queue());
        assertEquals(sent.payload(), got.payload());
        assertEquals(sent.fingerprint(), got.fingerprint());
        assertEquals(enqueuedAt, got.enqueuedAt());
        assertEquals(1, got.attempt());
        assertEquals(0, got.recoveries());
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(sent.id()));
    }

    @Test
    void emptyFingerprintSurvivesTheRoundTrip() throws Exception {
        JobMessage sent = JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null, null);
        broker.enqueue(sent);
        assertEquals("", fetchOne("w1", "default").fingerprint());
    }

    @Test
    void jobsOfOneQueueComeOutInTheOrderTheyWentIn() throws Exception {
        List<JobMessage> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(job("default", "Job", "{\"n\":" + i + "}"));
            broker.enqueue(sent.get(i));
        }
        assertEquals(ids(sent), ids(fetchNow("w1", 5, "default")));
    }

    @Test
    void enqueueAllEnqueuesEveryJobInOrderAndReturnsResultsInOrder() throws Exception {
        List<JobMessage> sent = List.of(job("default"), job("mail"), job("default"));

        List<EnqueueResult> results = broker.enqueueAll(sent);

        assertEquals(List.of(new EnqueueResult(sent.get(0).id(), false), new EnqueueResult(sent.get(1).id(), false),
                new EnqueueResult(sent.get(2).id(), false)), results);
        assertEquals(List.of(sent.get(0).id(), sent.get(2).id()), ids(fetchNow("w1", 10, "default")));
        assertEquals(List.of(sent.get(1).id()), ids(fetchNow("w1", 10, "mail")));
    }

    @Test
    void enqueueAllOfNothingReturnsNothing() {
        assertEquals(List.of(), broker.enqueueAll(List.of()));
    }

    @Test
    void fetchTakesAtMostMaxJobs() throws Exception {
        for (int i = 0; i < 7; i++) {
            broker.enqueue(job("default"));
        }
        assertEquals(3, fetchNow("w1", 3, "default").size());
        assertEquals(3, fetchNow("w1", 3, "default").size());
        assertEquals(1, fetchNow("w1", 3, "default").size());
        assertEquals(0, fetchNow("w1", 3, "default").size());
    }

    @Test
    void fetchDrainsQueuesInTheOrderGiven() throws Exception {
        JobMessage low1 = job("low");
        JobMessage high1 = job("high");
        JobMessage low2 = job("low");
        JobMessage high2 = job("high");
        broker.enqueueAll(List.of(low1, high1, low2, high2));

        List<JobMessage> got = fetchNow("w1", 3, "high", "low");

        assertEquals(List.of(high1.id(), high2.id(), low1.id()), ids(got));
        assertEquals(List.of(low2.id()), ids(fetchNow("w1", 3, "high", "low")));
    }

    @Test
    void fetchIgnoresQueuesNotAskedFor() throws Exception {
        JobMessage other = job("other");
        broker.enqueue(other);
        assertEquals(List.of(), fetchNow("w1", 5, "default", "mail"));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(other.id()));
        assertEquals(other.id(), fetchOne("w1", "other").id());
    }

    @Test
    void fetchFromEmptyQueuesWithoutWaitReturnsNothing() throws Exception {
        assertEquals(List.of(), broker.fetch("w1", List.of("default"), 5, Duration.ZERO));
    }

    @Test
    void blockingFetchReturnsEmptyWhenTheWaitRunsOut() throws Exception {
        long started = System.nanoTime();
        assertEquals(List.of(), broker.fetch("w1", List.of("default"), 5, Duration.ofMillis(150)));
        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(100),
                "fetch returned before its wait ran out");
    }

    @Test
    void blockingFetchWakesUpAsSoonAsAJobIsEnqueued() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch fetching = new CountDownLatch(1);
            Future<List<JobMessage>> fetched = executor.submit(() -> {
                fetching.countDown();
                return broker.fetch("w1", List.of("mail", "default"), 5, Duration.ofSeconds(20));
            });
            assertTrue(fetching.await(5, TimeUnit.SECONDS));
            Thread.sleep(50); // let the fetch start blocking
            JobMessage sent = job("default");
            broker.enqueue(sent);

            // Well before the 20 s wait would run out.
            List<JobMessage> got = fetched.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(sent.id()), ids(got));
            assertEquals(1, got.get(0).attempt());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void blockingFetchCanBeInterrupted() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<List<JobMessage>> fetched = executor.submit(
                    () -> broker.fetch("w1", List.of("default"), 1, Duration.ofSeconds(20)));
            Thread.sleep(50);
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS), "fetch did not give up when interrupted");
            assertTrue(fetched.isDone());
        } finally {
            executor.shutdownNow();
        }
        // Nothing was lost or taken on the way out.
        JobMessage sent = job("default");
        broker.enqueue(sent);
        assertEquals(sent.id(), fetchOne("w2", "default").id());
    }

    @Test
    void concurrentFetchersNeverReceiveTheSameJob() throws Exception {
        int total = 400;
        List<JobMessage> sent = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            sent.add(job("default"));
        }
        broker.enqueueAll(sent);
        ExecutorService executor = Executors.newFixedThreadPool(6);
        try {
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger duplicates = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String worker = "w" + t;
                futures.add(executor.submit((Callable<Void>) () -> {
                    List<JobMessage> got;
                    while (!(got = broker.fetch(worker, List.of("default"), 7, Duration.ZERO)).isEmpty()) {
                        for (JobMessage m : got) {
                            if (!seen.add(m.id())) {
                                duplicates.incrementAndGet();
                            }
                        }
                        broker.complete(worker, got);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
            assertEquals(0, duplicates.get());
            assertEquals(total, seen.size());
            assertEquals(total, broker.stats().processed());
        } finally {
            executor.shutdownNow();
        }
    }

    /** A JSON payload of exactly {@code bytes} UTF-8 bytes, with two-byte characters in it. */
    private static String payloadOfBytes(int bytes) {
        String frame = "{\"text\":\"\"}"; // 11 bytes
        int content = bytes - frame.length();
        return "{\"text\":\"" + "\u00e9".repeat(content / 2) + "x".repeat(content % 2) + "\"}";
    }

    @Test
    void payloadAtTheLimitIsEnqueuedAndOneByteMoreIsRefusedWithNothingOfItsBatchEnqueued() throws Exception {
        JobMessage atLimit = job("default", "SendMail", payloadOfBytes(PayloadLimit.DEFAULT_MAX_BYTES));
        JobMessage fine = job("default");
        JobMessage over = job("default", "SendMail", payloadOfBytes(PayloadLimit.DEFAULT_MAX_BYTES + 1));

        PayloadTooLargeException refused = assertThrows(PayloadTooLargeException.class,
                () -> broker.enqueueAll(List.of(fine, over)));
        assertEquals(PayloadLimit.DEFAULT_MAX_BYTES + 1, refused.bytes());
        assertEquals(PayloadLimit.DEFAULT_MAX_BYTES, refused.maxBytes());
        assertTrue(refused.getMessage().startsWith("payload of job 'SendMail' is " + (PayloadLimit.DEFAULT_MAX_BYTES + 1)
                + " bytes, over the limit of " + PayloadLimit.DEFAULT_MAX_BYTES + " bytes"), refused.getMessage());
        assertThrows(PayloadTooLargeException.class, () -> broker.enqueue(over));
        assertEquals(Optional.empty(), broker.status(fine.id()), "nothing of the refused batch was enqueued");
        assertEquals(Optional.empty(), broker.status(over.id()));

        broker.enqueue(atLimit);
        assertEquals(atLimit.payload(), fetchOne("w1", "default").payload());
    }

    // --- field limits --------------------------------------------------------------------------

    private JobMessage withFields(String id, String name, String fingerprint, String uniqueKey, int attempt) {
        return new JobMessage(id, name, "default", "{}", fingerprint, clock.instant(), null, uniqueKey, attempt, 0);
    }

    private void assertRefused(String field, JobMessage bad, String messagePart) {
        JobMessage fine = job("default");
        InvalidJobException refused = assertThrows(InvalidJobException.class, () -> broker.enqueueAll(List.of(fine, bad)),
                field);
        assertEquals(field, refused.field());
        assertTrue(refused.getMessage().contains("field '" + field + "' " + messagePart), refused.getMessage());
        assertTrue(refused.getMessage().length() < 400, "the message stays short: " + refused.getMessage().length());
        assertThrows(InvalidJobException.class, () -> broker.enqueue(bad));
        assertEquals(Optional.empty(), broker.status(fine.id()), "nothing of the refused batch was enqueued");
        assertEquals(List.of(), broker.stats().queues().stream().filter(q -> q.ready() + q.scheduled() > 0).toList());
    }

    @Test
    void aFiveMegabyteJobNameIsRefusedWithoutBeingCopiedAnywhere() {
        String name = "N".repeat(5 * 1024 * 1024);
        assertRefused("name", withFields(JobIds.next("default"), name, "", null, 0), "is 5242880 characters long; at most 200");
        assertRefused("name", withFields(JobIds.next("default"), "send mail", "", null, 0), "may only contain");
        assertRefused("name", withFields(JobIds.next("default"), "", "", null, 0), "may only contain");
    }

    @Test
    void idsWithSpacesNewlinesOrTenKilobytesAreRefused() {
        assertRefused("id", withFields("order 42@default", "SendMail", "", null, 0), "contains a space at position 5");
        assertRefused("id", withFields("order-42\n@default", "SendMail", "", null, 0), "contains the control character U+000A");
        assertRefused("id", withFields("x".repeat(10_240), "SendMail", "", null, 0), "is 10240 characters long; at most 256");
        assertRefused("id", withFields("", "SendMail", "", null, 0), "is empty");
    }

    @Test
    void uniqueKeysWithSpacesNewlinesOrMoreThan256BytesAreRefused() throws Exception {
        assertRefused("uniqueKey", withFields(JobIds.next("default"), "SendMail", "", "invoice 42", 0), "contains a space");
        assertRefused("uniqueKey", withFields(JobIds.next("default"), "SendMail", "", "invoice-42\n", 0), "contains the control character");
        assertRefused("uniqueKey", withFields(JobIds.next("default"), "SendMail", "", "\u00e9".repeat(129), 0),
                "is 258 bytes long in UTF-8; at most 256");
        assertRefused("uniqueKey", withFields(JobIds.next("default"), "SendMail", "", "k".repeat(10_240), 0), "is 10240 bytes");

        JobMessage longest = withFields(JobIds.next("default"), "SendMail", "", "\u00e9".repeat(128), 0);
        broker.enqueue(longest);
        assertEquals(longest.uniqueKey(), fetchOne("w1", "default").uniqueKey(), "256 bytes of UTF-8 is fine");
    }

    @Test
    void fingerprintsLongerThan64OrWithSpacesAreRefused() {
        assertRefused("fingerprint", withFields(JobIds.next("default"), "SendMail", "f".repeat(65), null, 0), "must be empty");
        assertRefused("fingerprint", withFields(JobIds.next("default"), "SendMail", "v1 v2", null, 0), "must be empty");
    }

    @Test
    void aNegativeAttemptIsRefused() {
        assertRefused("attempt", withFields(JobIds.next("default"), "SendMail", "", null, -1), "is -1; it must be between 0");
        assertRefused("recoveries", new JobMessage(JobIds.next("default"), "SendMail", "default", "{}", "", clock.instant(), null,
                null, 0, -3), "is -3");
    }

    @Test
    void aTickWhoseRunIsMalformedIsRefusedAndNotClaimed() {
        JobMessage bad = withFields("tick run@default", "Sync.every", "", null, 0);
        assertThrows(InvalidJobException.class, () -> broker.claimTick("Sync.every", clock.instant(), bad, false));
        assertEquals(Optional.empty(), broker.lastTick("Sync.every"));
    }

    // --- delayed jobs --------------------------------------------------------------------------

    @Test
    void delayedJobWaitsUntilItsTimeAndIsThenFetched() throws Exception {
        JobMessage sent = delayedJob("default", Duration.ofMinutes(5));

        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent));

        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(sent.id()));
        assertEquals(1, queueStats("default").scheduled());
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
        clock.advance(Duration.ofSeconds(1));
        JobMessage got = fetchOne("w1", "default");
        assertEquals(sent.id(), got.id());
        assertEquals(1, got.attempt());
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(sent.id()));
        assertEquals(0, queueStats("default").scheduled());
    }

    @Test
    void runAtInThePastMeansNow() throws Exception {
        JobMessage sent = JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(),
                clock.instant().minusSeconds(30), null);
        broker.enqueue(sent);
        assertEquals(sent.id(), fetchOne("w1", "default").id());
    }

    @Test
    void dueDelayedJobsArePromotedInRunAtOrderBehindReadyJobs() throws Exception {
        JobMessage later = delayedJob("default", Duration.ofSeconds(20));
        JobMessage sooner = delayedJob("default", Duration.ofSeconds(10));
        JobMessage ready = job("default");
        broker.enqueueAll(List.of(later, sooner, ready));
        clock.advance(Duration.ofSeconds(30));

        assertEquals(List.of(ready.id(), sooner.id(), later.id()), ids(fetchNow("w1", 5, "default")));
    }

    @Test
    void delayedJobsOnlyPromoteIntoTheirOwnQueue() throws Exception {
        JobMessage mail = delayedJob("mail", Duration.ofSeconds(1));
        broker.enqueue(mail);
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
        assertEquals(mail.id(), fetchOne("w1", "mail").id());
    }

    // --- unique keys ---------------------------------------------------------------------------

    @Test
    void secondJobWithAPendingUniqueKeyIsADuplicateOfTheFirst() throws Exception {
        JobMessage first = uniqueJob("default", "invoice-7");
        JobMessage second = uniqueJob("default", "invoice-7");

        assertEquals(new EnqueueResult(first.id(), false), broker.enqueue(first));
        assertEquals(new EnqueueResult(first.id(), true), broker.enqueue(second));

        assertEquals(Optional.empty(), broker.status(second.id()));
        assertEquals(List.of(first.id()), ids(fetchNow("w1", 5, "default")));
    }

    @Test
    void uniqueKeyIsHeldWhileScheduledQueuedActiveAndRetrying() throws Exception {
        JobMessage first = JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(),
                clock.instant().plusSeconds(10), "k");
        broker.enqueue(first);
        assertTrue(broker.enqueue(uniqueJob("default", "k")).duplicate(), "held while scheduled");
        clock.advance(Duration.ofSeconds(10));
        JobMessage active = fetchOne("w1", "default");
        assertTrue(broker.enqueue(uniqueJob("default", "k")).duplicate(), "held while active");
        broker.retry("w1", active, failure(active, "boom"), clock.instant().plusSeconds(5));
        assertTrue(broker.enqueue(uniqueJob("default", "k")).duplicate(), "held while waiting to retry");
        assertEquals(first.id(), broker.enqueue(uniqueJob("default", "k")).id());
    }

    @Test
    void uniqueKeyIsHeldWhileQueued() {
        broker.enqueue(uniqueJob("default", "k"));
        assertTrue(broker.enqueue(uniqueJob("default", "k")).duplicate());
    }

    @Test
    void uniqueKeyIsReleasedWhenTheJobCompletes() throws Exception {
        broker.enqueue(uniqueJob("default", "k"));
        JobMessage active = fetchOne("w1", "default");
        broker.complete("w1", List.of(active));

        JobMessage next = uniqueJob("default", "k");
        assertEquals(new EnqueueResult(next.id(), false), broker.enqueue(next));
    }

    @Test
    void uniqueKeyIsReleasedWhenTheJobFails() throws Exception {
        broker.enqueue(uniqueJob("default", "k"));
        JobMessage active = fetchOne("w1", "default");
        broker.fail("w1", active, failure(active, "boom"));

        assertFalse(broker.enqueue(uniqueJob("default", "k")).duplicate());
    }

    @Test
    void uniqueKeyIsReleasedWhenTheJobIsRejected() throws Exception {
        broker.enqueue(uniqueJob("default", "k"));
        JobMessage active = fetchOne("w1", "default");
        broker.reject("w1", active, failure(active, "unknown job name 'SendMail'"));

        assertFalse(broker.enqueue(uniqueJob("default", "k")).duplicate());
    }

    @Test
    void uniqueKeyIsReleasedWhenTheJobIsCancelled() {
        JobMessage first = uniqueJob("default", "k");
        broker.enqueue(first);
        assertTrue(broker.cancel(first.id()));

        assertFalse(broker.enqueue(uniqueJob("default", "k")).duplicate());
    }

    @Test
    void uniqueKeysAreIndependentAndJobsWithoutKeysNeverCollide() {
        assertFalse(broker.enqueue(uniqueJob("default", "a")).duplicate());
        assertFalse(broker.enqueue(uniqueJob("default", "b")).duplicate());
        assertFalse(broker.enqueue(job("default")).duplicate());
        assertFalse(broker.enqueue(job("default")).duplicate());
    }

    @Test
    void duplicateWithinOneEnqueueAllIsDetected() {
        JobMessage first = uniqueJob("default", "k");
        JobMessage second = uniqueJob("default", "k");
        JobMessage other = job("default");

        List<EnqueueResult> results = broker.enqueueAll(List.of(first, second, other));

        assertEquals(List.of(new EnqueueResult(first.id(), false), new EnqueueResult(first.id(), true),
                new EnqueueResult(other.id(), false)), results);
        assertEquals(2, queueStats("default").ready());
    }

    // --- the same id sent again (a producer retrying its own request) ------------------------

    @Test
    void anIdSentAgainWhilePendingIsTheSameJobNotADuplicate() throws Exception {
        JobMessage sent = uniqueJob("default", "k");

        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent));
        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent), "the same job, enqueued once");
        JobMessage active = fetchOne("w1", "default");
        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent));

        assertEquals(List.of(), fetchNow("w1", 5, "default"), "sent three times, enqueued once");
        assertEquals(1, active.attempt());
    }

    @Test
    void anIdSentAgainAfterItFailedDoesNotReviveItAndPurgeLeavesNothingBehind() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        JobMessage active = fetchOne("w1", "default");
        broker.fail("w1", active, failure(active, "boom"));

        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent));

        assertEquals(List.of(), fetchNow("w1", 5, "default"), "a failed job comes back only through retryFailed");
        assertEquals(Optional.of(JobState.FAILED), broker.status(sent.id()));
        assertEquals(List.of(sent.id()), broker.failedJobs(0, 10).stream().map(f -> f.job().id()).toList());
        assertEquals(1, broker.purgeFailed());
        assertEquals(Optional.empty(), broker.status(sent.id()));
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
        assertEquals(0, queueStats("default").ready());
    }

    @Test
    void anIdSentAgainAfterItCompletedRunsAgainOnlyOnceItsStatusExpired() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        broker.complete("w1", List.of(fetchOne("w1", "default")));

        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent));
        assertEquals(List.of(), fetchNow("w1", 5, "default"), "still reads completed: not run again");
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(sent.id()));

        clock.advance(COMPLETED_RETENTION.plusSeconds(1));
        assertEquals(Optional.empty(), broker.status(sent.id()));
        assertEquals(new EnqueueResult(sent.id(), false), broker.enqueue(sent));
        assertEquals(List.of(sent.id()), ids(fetchNow("w1", 5, "default")), "an expired id is a new job");
    }

    @Test
    void concurrentDispatchesWithOneUniqueKeyEnqueueExactlyOneJob() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<EnqueueResult>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(executor.submit(() -> {
                    go.await();
                    return broker.enqueue(uniqueJob("default", "report-2026-03"));
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            int fresh = 0;
            for (Future<EnqueueResult> f : futures) {
                EnqueueResult r = f.get(20, TimeUnit.SECONDS);
                ids.add(r.id());
                fresh += r.duplicate() ? 0 : 1;
            }
            assertEquals(1, fresh);
            assertEquals(1, ids.size(), "every duplicate names the one job enqueued");
            assertEquals(1, queueStats("default").ready());
        } finally {
            executor.shutdownNow();
        }
    }

    // --- acknowledgements ----------------------------------------------------------------------

    @Test
    void completeAcknowledgesAndCountsEachJob() throws Exception {
        broker.enqueueAll(List.of(job("default"), job("default"), job("default")));
        List<JobMessage> active = fetchNow("w1", 3, "default");
        assertEquals(3, queueStats("default").active());

        broker.complete("w1", active);

        for (JobMessage m : active) {
            assertEquals(Optional.of(JobState.COMPLETED), broker.status(m.id()));
        }
        assertEquals(0, queueStats("default").active());
        assertEquals(0, queueStats("default").ready());
        assertEquals(3, broker.stats().processed());
        assertEquals(0, broker.stats().failures());
    }

    @Test
    void completedJobsAreNeverDeliveredAgain() throws Exception {
        broker.enqueue(job("default"));
        JobMessage active = fetchOne("w1", "default");
        broker.complete("w1", List.of(active));
        broker.heartbeat(worker("w2", clock.instant()), Duration.ofSeconds(15));
        clock.advance(Duration.ofMinutes(1));

        assertEquals(0, broker.recoverDeadWorkers(3).requeued());
        assertEquals(List.of(), fetchNow("w2", 5, "default"));
    }

    @Test
    void completedRecordExpiresAfterTheRetention() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        broker.complete("w1", List.of(fetchOne("w1", "default")));

        clock.advance(COMPLETED_RETENTION.minusSeconds(1));
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(sent.id()));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), broker.status(sent.id()));
        assertEquals(1, broker.stats().processed(), "the counter keeps the history");
    }

    @Test
    void retrySchedulesTheNextAttemptAndRecordsTheFailure() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        JobMessage first = fetchOne("w1", "default");

        broker.retry("w1", first, failure(first, "IllegalStateException: boom"), clock.instant().plusSeconds(30));

        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(sent.id()));
        assertEquals(0, queueStats("default").active());
        assertEquals(1, queueStats("default").scheduled());
        assertEquals(1, broker.stats().failures());
        assertEquals(List.of(), fetchNow("w1", 1, "default"));
        clock.advance(Duration.ofSeconds(30));
        JobMessage second = fetchOne("w1", "default");
        assertEquals(sent.id(), second.id());
        assertEquals(2, second.attempt());
        assertEquals(sent.payload(), second.payload());
        assertEquals(sent.enqueuedAt(), second.enqueuedAt());
    }

    @Test
    void aRetryRunsAtItsRetryTimeAndSaysSoInRunAt() throws Exception {
        JobMessage sent = delayedJob("default", Duration.ofSeconds(10));
        broker.enqueue(sent);
        clock.advance(Duration.ofSeconds(10));
        JobMessage first = fetchOne("w1", "default");
        assertEquals(sent.runAt(), first.runAt());
        Instant retryAt = clock.instant().plusSeconds(30);

        broker.retry("w1", first, failure(first, "boom"), retryAt);

        assertEquals(retryAt, broker.pendingJobs("default", JobState.SCHEDULED, 0, 10).get(0).job().runAt());
        clock.advance(Duration.ofSeconds(30));
        JobMessage second = fetchOne("w1", "default");
        assertEquals(retryAt, second.runAt());
        Instant now = clock.instant();
        broker.retry("w1", second, failure(second, "boom"), now);
        assertEquals(now, fetchOne("w1", "default").runAt(), "a retry due at once runs now, and says so");
    }

    @Test
    void aJobRetriedFromTheFailedSetRunsNowAndForgetsItsLastRetryTime() throws Exception {
        broker.enqueue(job("default"));
        JobMessage first = fetchOne("w1", "default");
        broker.retry("w1", first, failure(first, "boom"), clock.instant().plusSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        JobMessage second = fetchOne("w1", "default");
        broker.fail("w1", second, failure(second, "boom again"));

        assertTrue(broker.retryFailed(first.id()));

        assertEquals(null, broker.pendingJobs("default", JobState.QUEUED, 0, 10).get(0).job().runAt());
        JobMessage again = fetchOne("w1", "default");
        assertEquals(null, again.runAt());
        assertEquals(1, again.attempt());
    }

    @Test
    void retryAtNowIsReadyAtOnce() throws Exception {
        broker.enqueue(job("default"));
        JobMessage first = fetchOne("w1", "default");
        broker.retry("w1", first, failure(first, "boom"), clock.instant());
        assertEquals(2, fetchOne("w1", "default").attempt());
    }

    @Test
    void failMovesTheJobToTheFailedSetWithItsWholeHistory() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        JobMessage first = fetchOne("w1", "default");
        broker.retry("w1", first, failure(first, "IllegalStateException: first"), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        JobMessage second = fetchOne("w1", "default");

        broker.fail("w1", second, failure(second, "IllegalStateException: second"));

        assertEquals(Optional.of(JobState.FAILED), broker.status(sent.id()));
        List<FailedJob> failed = broker.failedJobs(0, 10);
        assertEquals(1, failed.size());
        FailedJob f = failed.get(0);
        assertEquals(sent.id(), f.job().id());
        assertEquals(2, f.job().attempt());
        assertEquals(sent.payload(), f.job().payload());
        assertEquals("IllegalStateException: second", f.reason());
        assertEquals(clock.instant(), f.failedAt());
        assertEquals(List.of(1, 2), f.history().stream().map(Failure::attempt).toList());
        assertEquals("IllegalStateException: first", f.history().get(0).reason());
        assertTrue(f.history().get(1).stackTrace().contains("Example.handle"), f.history().get(1).stackTrace());
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), f.history().get(0).at());
        assertEquals(1, broker.stats().failed());
        assertEquals(2, broker.stats().failures());
        assertEquals(0, queueStats("default").active());
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
    }

    @Test
    void failedRecordsDoNotExpire() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        JobMessage active = fetchOne("w1", "default");
        broker.fail("w1", active, failure(active, "boom"));
        clock.advance(Duration.ofDays(30));

        assertEquals(Optional.of(JobState.FAILED), broker.status(sent.id()));
        assertEquals(1, broker.failedJobs(0, 10).size());
    }

    @Test
    void rejectSendsTheJobStraightToTheFailedSet() throws Exception {
        JobMessage sent = job("default", "NoSuchJob", "{}");
        broker.enqueue(sent);
        JobMessage active = fetchOne("w1", "default");

        broker.reject("w1", active, failure(active, "unknown job name 'NoSuchJob'"));

        assertEquals(Optional.of(JobState.FAILED), broker.status(sent.id()));
        FailedJob f = broker.failedJobs(0, 10).get(0);
        assertEquals(sent.id(), f.job().id());
        assertEquals("unknown job name 'NoSuchJob'", f.reason());
        assertEquals(1, f.history().size());
        assertEquals(0, queueStats("default").active());
    }

    @Test
    void releasePutsJobsBackAtTheHeadInTheirOrderWithoutSpendingAnAttempt() throws Exception {
        JobMessage a = job("default");
        JobMessage b = job("default");
        JobMessage c = job("default");
        broker.enqueueAll(List.of(a, b, c));
        List<JobMessage> taken = fetchNow("w1", 2, "default");

        broker.release("w1", taken);

        assertEquals(Optional.of(JobState.QUEUED), broker.status(a.id()));
        assertEquals(0, queueStats("default").active());
        List<JobMessage> again = fetchNow("w2", 3, "default");
        assertEquals(List.of(a.id(), b.id(), c.id()), ids(again));
        assertEquals(List.of(1, 1, 1), again.stream().map(JobMessage::attempt).toList());
    }

    @Test
    void releaseOfARetriedJobKeepsItsAttemptNumber() throws Exception {
        broker.enqueue(job("default"));
        JobMessage first = fetchOne("w1", "default");
        broker.retry("w1", first, failure(first, "boom"), clock.instant());
        JobMessage second = fetchOne("w1", "default");
        broker.release("w1", List.of(second));
        assertEquals(2, fetchOne("w1", "default").attempt());
    }

    // --- postpone ------------------------------------------------------------------------------

    @Test
    void postponedJobWaitsUntilItsTimeWithoutSpendingAnAttempt() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        JobMessage taken = fetchOne("w1", "default");
        assertEquals(1, taken.attempt());

        broker.postpone("w1", taken, clock.instant().plusSeconds(5));

        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(sent.id()));
        assertEquals(0, queueStats("default").active());
        assertEquals(1, queueStats("default").scheduled());
        assertEquals(List.of(), fetchNow("w1", 5, "default"), "not before its time");
        clock.advance(Duration.ofSeconds(5));
        JobMessage again = fetchOne("w2", "default");
        assertEquals(sent.id(), again.id());
        assertEquals(1, again.attempt(), "the postponed attempt did not count");
        assertEquals(0, broker.stats().failures(), "a postponement is not a failure");
    }

    @Test
    void postponeToNowPutsTheJobAtTheTailOfItsQueue() throws Exception {
        JobMessage first = job("default");
        JobMessage second = job("default");
        broker.enqueueAll(List.of(first, second));
        JobMessage taken = fetchOne("w1", "default");

        broker.postpone("w1", taken, clock.instant());

        assertEquals(Optional.of(JobState.QUEUED), broker.status(first.id()));
        assertEquals(List.of(second.id(), first.id()), ids(fetchNow("w2", 5, "default")));
    }

    @Test
    void postponeOfAJobTheWorkerNoLongerHoldsChangesNothing() throws Exception {
        broker.enqueue(job("default"));
        JobMessage taken = fetchOne("w1", "default");
        broker.complete("w1", List.of(taken));

        broker.postpone("w1", taken, clock.instant().plusSeconds(5));
        broker.postpone("w2", taken, clock.instant().plusSeconds(5));

        assertEquals(Optional.of(JobState.COMPLETED), broker.status(taken.id()));
        assertEquals(0, queueStats("default").scheduled());
    }

    // --- limits --------------------------------------------------------------------------------

    @Test
    void aLeaseAdmitsUpToItsLimitOfHolders() {
        assertTrue(broker.acquireLease("concurrency:Job", "a", 2, Duration.ofSeconds(15)));
        assertTrue(broker.acquireLease("concurrency:Job", "b", 2, Duration.ofSeconds(15)));
        assertFalse(broker.acquireLease("concurrency:Job", "c", 2, Duration.ofSeconds(15)));
        assertTrue(broker.acquireLease("concurrency:Job", "a", 2, Duration.ofSeconds(15)), "a holder asking again still holds");
        assertTrue(broker.acquireLease("concurrency:Other", "c", 2, Duration.ofSeconds(15)), "another key is another limit");

        broker.releaseLease(new Lease("concurrency:Job", "a"));
        broker.releaseLease(new Lease("concurrency:Job", "a"));

        assertTrue(broker.acquireLease("concurrency:Job", "c", 2, Duration.ofSeconds(15)));
        assertFalse(broker.acquireLease("concurrency:Job", "d", 2, Duration.ofSeconds(15)));
    }

    @Test
    void aHoldLapsesWhenItIsNotRenewedInTime() {
        Lease a = new Lease("overlap:Job:42", "a");
        assertTrue(broker.acquireLease(a.key(), a.holder(), 1, Duration.ofSeconds(15)));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of(), broker.renewLeases(List.of(a), Duration.ofSeconds(15)));
        clock.advance(Duration.ofSeconds(10));
        assertFalse(broker.acquireLease(a.key(), "b", 1, Duration.ofSeconds(15)), "renewed: still held 20 s after it was taken");

        clock.advance(Duration.ofSeconds(6));
        assertTrue(broker.acquireLease(a.key(), "b", 1, Duration.ofSeconds(15)), "not renewed for 16 s: lapsed");
        assertEquals(List.of(a), broker.renewLeases(List.of(a, new Lease(a.key(), "b")), Duration.ofSeconds(15)),
                "the lapsed hold is reported, the live one renewed");
    }

    @Test
    void aRateLimitCountsStartsInASlidingWindow() {
        Duration second = Duration.ofSeconds(1);
        assertEquals(Optional.empty(), broker.acquireRate("rate:Job", "j1", 2, second));
        clock.advance(Duration.ofMillis(400));
        assertEquals(Optional.empty(), broker.acquireRate("rate:Job", "j2", 2, second));
        clock.advance(Duration.ofMillis(300));
        Instant firstStart = START;
        assertEquals(Optional.of(firstStart.plus(second)), broker.acquireRate("rate:Job", "j3", 2, second),
                "full: the next start may come when the first leaves the window");
        assertEquals(Optional.empty(), broker.acquireRate("rate:Other", "j3", 2, second), "another key is another limit");

        clock.advance(Duration.ofMillis(300)); // the first start is exactly one window old
        assertEquals(Optional.empty(), broker.acquireRate("rate:Job", "j3", 2, second));
        assertEquals(Optional.of(firstStart.plusMillis(400).plus(second)), broker.acquireRate("rate:Job", "j4", 2, second));
    }

    @Test
    void limitKeysAndArgumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> broker.acquireLease("has space", "a", 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> broker.acquireLease("k", "a", 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> broker.acquireRate("{braces}", "a", 1, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> broker.acquireRate("k", "a", 1, Duration.ZERO));
    }

    // --- cancel and status ---------------------------------------------------------------------

    @Test
    void cancelRemovesAQueuedJob() throws Exception {
        JobMessage sent = job("default");
        JobMessage other = job("default");
        broker.enqueueAll(List.of(sent, other));

        assertTrue(broker.cancel(sent.id()));

        assertEquals(Optional.of(JobState.CANCELLED), broker.status(sent.id()));
        assertEquals(List.of(other.id()), ids(fetchNow("w1", 5, "default")));
        assertFalse(broker.cancel(sent.id()), "a cancelled job cannot be cancelled again");
    }

    @Test
    void cancelRemovesAScheduledJob() throws Exception {
        JobMessage sent = delayedJob("default", Duration.ofMinutes(1));
        broker.enqueue(sent);

        assertTrue(broker.cancel(sent.id()));

        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
        assertEquals(Optional.of(JobState.CANCELLED), broker.status(sent.id()));
        assertEquals(0, queueStats("default").scheduled());
    }

    @Test
    void cancelRefusesActiveFinishedAndUnknownJobs() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        JobMessage active = fetchOne("w1", "default");
        assertFalse(broker.cancel(sent.id()), "active");
        broker.complete("w1", List.of(active));
        assertFalse(broker.cancel(sent.id()), "completed");
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(sent.id()));
        assertFalse(broker.cancel(JobIds.next("default")), "unknown");
        assertFalse(broker.cancel("not-a-job-id"), "malformed");
    }

    @Test
    void statusOfUnknownOrMalformedIdsIsEmpty() {
        assertEquals(Optional.empty(), broker.status(JobIds.next("default")));
        assertEquals(Optional.empty(), broker.status("not-a-job-id"));
    }

    @Test
    void statusFollowsAJobThroughItsLife() throws Exception {
        JobMessage sent = delayedJob("default", Duration.ofSeconds(5));
        broker.enqueue(sent);
        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(sent.id()));
        clock.advance(Duration.ofSeconds(5));
        JobMessage first = fetchOne("w1", "default");
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(sent.id()));
        broker.retry("w1", first, failure(first, "boom"), clock.instant().plusSeconds(1));
        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(sent.id()));
        clock.advance(Duration.ofSeconds(1));
        JobMessage second = fetchOne("w1", "default");
        broker.release("w1", List.of(second));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(sent.id()));
        JobMessage again = fetchOne("w1", "default");
        broker.complete("w1", List.of(again));
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(sent.id()));
    }

    // --- details by id -------------------------------------------------------------------------

    /** {@link Broker#details}, checked to agree with {@link Broker#status} at the same moment. */
    private JobDetails details(String id) {
        Optional<JobDetails> details = broker.details(id);
        assertEquals(broker.status(id), details.map(JobDetails::state), "details and status agree on " + id);
        assertTrue(details.isPresent(), "details of " + id);
        return details.get();
    }

    @Test
    void detailsOfUnknownOrMalformedIdsAreEmpty() {
        assertEquals(Optional.empty(), broker.details(JobIds.next("default")));
        assertEquals(Optional.empty(), broker.details("not-a-job-id"));
        assertEquals(Optional.empty(), broker.details(""));
    }

    @Test
    void detailsOfAQueuedJobAreTheJobAsSent() {
        JobMessage sent = JobMessage.create(JobIds.next("mail"), "SendMail", "mail", "{\"userId\":42}", "fp-1",
                clock.instant(), null, "welcome-42");
        broker.enqueue(sent);
        clock.advance(Duration.ofSeconds(3));

        JobDetails queued = details(sent.id());

        assertEquals(sent.id(), queued.id());
        assertEquals("mail", queued.queue());
        assertEquals(JobState.QUEUED, queued.state());
        assertEquals(sent, queued.job());
        assertEquals(null, queued.dueAt());
        assertEquals(null, queued.workerId());
        assertEquals(null, queued.activeSince());
        assertEquals(null, queued.failedAt());
        assertEquals(null, queued.reason());
        assertEquals(List.of(), queued.history());
        assertEquals(null, queued.lastError());
    }

    @Test
    void detailsFollowAJobThroughItsLife() throws Exception {
        JobMessage sent = delayedJob("default", Duration.ofMinutes(1));
        broker.enqueue(sent);

        JobDetails scheduled = details(sent.id());
        assertEquals(JobState.SCHEDULED, scheduled.state());
        assertEquals(sent.runAt(), scheduled.dueAt());
        assertEquals(sent.runAt(), scheduled.job().runAt());

        clock.advance(Duration.ofMinutes(1));
        Instant fetchedAt = clock.instant();
        JobMessage first = fetchOne("w1", "default");
        clock.advance(Duration.ofSeconds(2));
        JobDetails active = details(sent.id());
        assertEquals(JobState.ACTIVE, active.state());
        assertEquals("w1", active.workerId());
        assertEquals(fetchedAt, active.activeSince());
        assertEquals(1, active.job().attempt());
        assertEquals(null, active.dueAt());

        Instant retryAt = clock.instant().plusSeconds(30);
        broker.retry("w1", first, failure(first, "smtp down"), retryAt);
        JobDetails retrying = details(sent.id());
        assertEquals(JobState.SCHEDULED, retrying.state());
        assertEquals(retryAt, retrying.dueAt());
        assertEquals(null, retrying.workerId());
        assertEquals(1, retrying.history().size());
        assertEquals("smtp down", retrying.lastError());
        assertEquals(1, retrying.history().get(0).attempt());
        assertTrue(retrying.history().get(0).stackTrace().contains("dev.jtc.Example.handle"), retrying.history().toString());

        clock.advance(Duration.ofSeconds(30));
        JobMessage second = fetchOne("w1", "default");
        Instant failedAt = clock.instant();
        broker.fail("w1", second, failure(second, "smtp still down"));
        JobDetails failed = details(sent.id());
        assertEquals(JobState.FAILED, failed.state());
        assertEquals(failedAt, failed.failedAt());
        assertEquals("smtp still down", failed.reason());
        assertEquals(List.of("smtp down", "smtp still down"), failed.history().stream().map(Failure::reason).toList());
        assertEquals(2, failed.job().attempt());
        assertEquals(null, failed.workerId());

        assertTrue(broker.retryFailed(sent.id()));
        JobDetails again = details(sent.id());
        assertEquals(JobState.QUEUED, again.state());
        assertEquals(List.of(), again.history(), "retried from the failed set, it starts afresh");
        assertEquals(0, again.job().attempt());
        assertEquals(null, again.failedAt());
        assertEquals(null, again.reason());

        broker.complete("w1", List.of(fetchOne("w1", "default")));
        JobDetails completed = details(sent.id());
        assertEquals(JobState.COMPLETED, completed.state());
        assertEquals("default", completed.queue());
        assertEquals(null, completed.job(), "a completed job's record is gone; only its state is kept");
        assertEquals(List.of(), completed.history());

        clock.advance(COMPLETED_RETENTION.plusSeconds(1));
        assertEquals(Optional.empty(), broker.details(sent.id()), "its status expired");
    }

    @Test
    void detailsOfACancelledJobKeepTheJobUntilItsRecordExpires() {
        JobMessage sent = job("mail");
        broker.enqueue(sent);
        assertTrue(broker.cancel(sent.id()));

        JobDetails cancelled = details(sent.id());
        assertEquals(JobState.CANCELLED, cancelled.state());
        assertEquals(sent.payload(), cancelled.job().payload());
        assertEquals("SendMail", cancelled.job().name());

        clock.advance(COMPLETED_RETENTION.plusSeconds(1));
        assertEquals(Optional.empty(), broker.details(sent.id()));
    }

    @Test
    void detailsChangeNothing() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        for (int i = 0; i < 3; i++) {
            details(sent.id());
        }
        assertEquals(1, queueStats("default").ready());
        assertEquals(List.of(sent.id()), ids(fetchNow("w1", 5, "default")));
    }

    // --- workers, heartbeats and recovery ------------------------------------------------------

    @Test
    void heartbeatRegistersAWorkerUntilItsTtlRunsOut() {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.heartbeat(worker("w2", clock.instant()), Duration.ofSeconds(30));

        assertEquals(List.of("w1", "w2"), broker.workers().stream().map(WorkerInfo::id).sorted().toList());
        WorkerInfo w1 = broker.workers().stream().filter(w -> w.id().equals("w1")).findFirst().orElseThrow();
        assertEquals("host-a", w1.host());
        assertEquals(4242, w1.pid());
        assertEquals(List.of("default"), w1.queues());
        assertEquals(10, w1.concurrency());
        assertEquals(START, w1.startedAt());

        clock.advance(Duration.ofSeconds(16));
        assertEquals(List.of("w2"), broker.workers().stream().map(WorkerInfo::id).toList());
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        assertEquals(List.of("w1", "w2"), broker.workers().stream().map(WorkerInfo::id).sorted().toList());
        assertEquals(2, broker.stats().workers().size());
    }

    @Test
    void heartbeatKeepsAWorkersJobsFromBeingRecovered() throws Exception {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.enqueue(job("default"));
        fetchOne("w1", "default");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
            assertEquals(RecoveryResult.NOTHING, broker.recoverDeadWorkers(3));
        }
        assertEquals(1, queueStats("default").active());
    }

    @Test
    void unregisterRemovesTheWorker() {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.unregister("w1");
        assertEquals(List.of(), broker.workers());
    }

    @Test
    void deadWorkersJobsGoBackToTheHeadOfTheirQueues() throws Exception {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.heartbeat(worker("w2", clock.instant()), Duration.ofSeconds(15));
        JobMessage a = job("default");
        JobMessage b = job("mail");
        JobMessage c = job("default");
        JobMessage waiting = job("default");
        broker.enqueueAll(List.of(a, b, c));
        List<JobMessage> taken = new ArrayList<>(fetchNow("w1", 2, "default"));
        taken.add(fetchOne("w1", "mail"));
        broker.enqueue(waiting);
        clock.advance(Duration.ofSeconds(16));
        broker.heartbeat(worker("w2", clock.instant()), Duration.ofSeconds(15));

        RecoveryResult result = broker.recoverDeadWorkers(3);

        assertEquals(List.of("w1"), result.deadWorkers());
        assertEquals(3, result.requeued());
        assertEquals(0, result.poisoned());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(a.id()));
        List<JobMessage> again = fetchNow("w2", 5, "default");
        assertEquals(List.of(a.id(), c.id(), waiting.id()), ids(again));
        assertEquals(List.of(1, 1, 0), again.stream().map(JobMessage::recoveries).toList());
        assertEquals(List.of(1, 1, 1), again.stream().map(JobMessage::attempt).toList());
        JobMessage mail = fetchOne("w2", "mail");
        assertEquals(b.id(), mail.id());
        assertEquals(1, mail.recoveries());
        assertEquals(List.of("w2"), broker.workers().stream().map(WorkerInfo::id).toList());
        assertEquals(RecoveryResult.NOTHING, broker.recoverDeadWorkers(3), "a second pass finds nothing");
    }

    @Test
    void unregisteredWorkersLeftoverJobsAreRecoveredNotLost() throws Exception {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        JobMessage sent = job("default");
        broker.enqueue(sent);
        fetchOne("w1", "default");

        broker.unregister("w1");
        RecoveryResult result = broker.recoverDeadWorkers(3);

        assertEquals(List.of("w1"), result.deadWorkers());
        assertEquals(1, result.requeued());
        assertEquals(sent.id(), fetchOne("w2", "default").id());
    }

    @Test
    void aJobThatKeepsKillingWorkersBecomesAPoisonPill() throws Exception {
        JobMessage sent = job("default");
        broker.enqueue(sent);
        for (int round = 1; round <= 3; round++) {
            String workerId = "w" + round;
            broker.heartbeat(worker(workerId, clock.instant()), Duration.ofSeconds(15));
            JobMessage got = fetchOne(workerId, "default");
            assertEquals(round - 1, got.recoveries());
            clock.advance(Duration.ofSeconds(16));
            RecoveryResult result = broker.recoverDeadWorkers(2);
            if (round <= 2) {
                assertEquals(new RecoveryResult(List.of(workerId), 1, 0), result);
            } else {
                assertEquals(new RecoveryResult(List.of(workerId), 0, 1), result);
            }
        }

        assertEquals(Optional.of(JobState.FAILED), broker.status(sent.id()));
        FailedJob f = broker.failedJobs(0, 10).get(0);
        assertEquals(sent.id(), f.job().id());
        assertTrue(f.reason().toLowerCase(java.util.Locale.ROOT).contains("poison"), f.reason());
        assertEquals(List.of(), fetchNow("w9", 5, "default"));
        assertEquals(0, queueStats("default").active());
    }

    @Test
    void recoveredUniqueJobKeepsItsKey() throws Exception {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.enqueue(uniqueJob("default", "k"));
        fetchOne("w1", "default");
        clock.advance(Duration.ofSeconds(16));
        broker.recoverDeadWorkers(3);

        assertTrue(broker.enqueue(uniqueJob("default", "k")).duplicate());
    }

    @Test
    void poisonPillReleasesItsUniqueKey() throws Exception {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.enqueue(uniqueJob("default", "k"));
        fetchOne("w1", "default");
        clock.advance(Duration.ofSeconds(16));
        assertEquals(1, broker.recoverDeadWorkers(0).poisoned());

        assertFalse(broker.enqueue(uniqueJob("default", "k")).duplicate());
    }

    @Test
    void aPoisonPillsFatalRunIsTheLastEntryOfItsHistory() throws Exception {
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        broker.enqueue(job("default"));
        JobMessage first = fetchOne("w1", "default");
        broker.retry("w1", first, failure(first, "IllegalStateException: first"), clock.instant());
        fetchOne("w1", "default");
        clock.advance(Duration.ofSeconds(16));

        assertEquals(1, broker.recoverDeadWorkers(0).poisoned());

        FailedJob f = broker.failedJobs(0, 10).get(0);
        assertEquals(List.of(1, 2), f.history().stream().map(Failure::attempt).toList());
        Failure last = f.history().get(1);
        assertEquals(f.reason(), last.reason());
        assertEquals(clock.instant(), last.at());
        assertEquals(clock.instant(), f.failedAt());
        assertEquals(1, broker.stats().failures(), "dying with its worker is not a counted attempt failure");
    }

    @Test
    void recoveryWithNoDeadWorkersDoesNothing() {
        assertEquals(RecoveryResult.NOTHING, broker.recoverDeadWorkers(3));
    }

    // --- ticks ---------------------------------------------------------------------------------

    @Test
    void lastTickIsEmptyBeforeTheFirstClaim() {
        assertEquals(Optional.empty(), broker.lastTick("Reports.hourly"));
    }

    @Test
    void claimTickEnqueuesOnceAndRemembersTheTick() throws Exception {
        Instant tick = Instant.parse("2026-03-02T10:00:00Z");
        JobMessage run = job("default", "Reports.hourly", "{}");

        assertEquals(TickResult.ENQUEUED, broker.claimTick("Reports.hourly", tick, run, false));
        assertEquals(TickResult.ALREADY_CLAIMED, broker.claimTick("Reports.hourly", tick, job("default", "Reports.hourly", "{}"), false));
        assertEquals(TickResult.ALREADY_CLAIMED, broker.claimTick("Reports.hourly", tick.minusSeconds(3600),
                job("default", "Reports.hourly", "{}"), false));

        assertEquals(Optional.of(tick), broker.lastTick("Reports.hourly"));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(run.id()));
        assertEquals(List.of(run.id()), ids(fetchNow("w1", 5, "default")));
    }

    @Test
    void claimTickWithoutAJobOnlyAdvances() throws Exception {
        Instant tick = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals(TickResult.ADVANCED, broker.claimTick("t", tick, null, false));
        assertEquals(Optional.of(tick), broker.lastTick("t"));
        assertEquals(List.of(), fetchNow("w1", 5, "default"));
        assertEquals(TickResult.ALREADY_CLAIMED, broker.claimTick("t", tick, null, false));
    }

    @Test
    void ticksOfDifferentTasksAreIndependent() {
        Instant tick = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals(TickResult.ENQUEUED, broker.claimTick("a", tick, job("default", "a", "{}"), false));
        assertEquals(TickResult.ENQUEUED, broker.claimTick("b", tick, job("default", "b", "{}"), false));
        assertEquals(Optional.of(tick), broker.lastTick("a"));
        assertEquals(Optional.of(tick), broker.lastTick("b"));
    }

    @Test
    void laterTicksAdvanceTheLastTick() {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            assertEquals(TickResult.ENQUEUED,
                    broker.claimTick("every", t0.plusSeconds(30L * i), job("default", "every", "{}"), false));
        }
        assertEquals(Optional.of(t0.plusSeconds(120)), broker.lastTick("every"));
        assertEquals(5, queueStats("default").ready());
    }

    @Test
    void claimTickIsExactlyOnceAcrossManyConcurrentClaimers() throws Exception {
        int threads = 8;
        int ticks = 60;
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Map<TickResult, AtomicInteger> outcomes = new ConcurrentHashMap<>();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit((Callable<Void>) () -> {
                    go.await();
                    for (int i = 0; i < ticks; i++) {
                        TickResult r = broker.claimTick("Sync.every", t0.plusSeconds(10L * i),
                                job("default", "Sync.every", "{}"), false);
                        outcomes.computeIfAbsent(r, k -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(20, TimeUnit.SECONDS);
            }
            int enqueued = outcomes.getOrDefault(TickResult.ENQUEUED, new AtomicInteger()).get();
            int claimed = outcomes.getOrDefault(TickResult.ALREADY_CLAIMED, new AtomicInteger()).get();
            assertTrue(enqueued <= ticks, "a tick was enqueued twice: " + outcomes);
            assertEquals(threads * ticks, enqueued + claimed, outcomes.toString());
            assertEquals(enqueued, queueStats("default").ready());
            assertEquals(Optional.of(t0.plusSeconds(10L * (ticks - 1))), broker.lastTick("Sync.every"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void everyTickIsEnqueuedExactlyOnceWhenClaimersRaceOnTheSameTick() throws Exception {
        int threads = 8;
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < 25; i++) {
                Instant tick = t0.plusSeconds(60L * i);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<TickResult>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(executor.submit(() -> {
                        go.await();
                        return broker.claimTick("race", tick, job("default", "race", "{}"), false);
                    }));
                }
                go.countDown();
                int enqueued = 0;
                for (Future<TickResult> f : futures) {
                    TickResult r = f.get(20, TimeUnit.SECONDS);
                    assertTrue(r == TickResult.ENQUEUED || r == TickResult.ALREADY_CLAIMED, r.toString());
                    enqueued += r == TickResult.ENQUEUED ? 1 : 0;
                }
                assertEquals(1, enqueued, "tick " + tick);
            }
            assertEquals(25, queueStats("default").ready());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void nonOverlappingTaskSkipsTicksWhileItsPreviousRunIsPending() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        JobMessage firstRun = job("default", "Slow.task", "{}");
        assertEquals(TickResult.ENQUEUED, broker.claimTick("Slow.task", t0, firstRun, true));

        // queued
        assertEquals(TickResult.SKIPPED_OVERLAP, broker.claimTick("Slow.task", t0.plusSeconds(60), job("default", "Slow.task", "{}"), true));
        assertEquals(Optional.of(t0.plusSeconds(60)), broker.lastTick("Slow.task"), "a skipped tick is spent");
        // active
        JobMessage active = fetchOne("w1", "default");
        assertEquals(TickResult.SKIPPED_OVERLAP, broker.claimTick("Slow.task", t0.plusSeconds(120), job("default", "Slow.task", "{}"), true));
        // waiting to retry
        broker.retry("w1", active, failure(active, "boom"), clock.instant().plusSeconds(600));
        assertEquals(TickResult.SKIPPED_OVERLAP, broker.claimTick("Slow.task", t0.plusSeconds(180), job("default", "Slow.task", "{}"), true));
        clock.advance(Duration.ofSeconds(600));
        JobMessage retried = fetchOne("w1", "default");
        broker.complete("w1", List.of(retried));

        JobMessage next = job("default", "Slow.task", "{}");
        assertEquals(TickResult.ENQUEUED, broker.claimTick("Slow.task", t0.plusSeconds(240), next, true));
        assertEquals(List.of(next.id()), ids(fetchNow("w1", 5, "default")));
    }

    @Test
    void nonOverlappingTaskRunsAgainAfterItsPreviousRunFailed() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        broker.claimTick("t", t0, job("default", "t", "{}"), true);
        JobMessage active = fetchOne("w1", "default");
        broker.fail("w1", active, failure(active, "boom"));

        assertEquals(TickResult.ENQUEUED, broker.claimTick("t", t0.plusSeconds(60), job("default", "t", "{}"), true));
    }

    @Test
    void aTickWhoseRunsUniqueKeyIsHeldIsSpentWithoutEnqueuing() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        JobMessage holder = uniqueJob("default", "nightly");
        broker.enqueue(holder);

        assertEquals(TickResult.SKIPPED_OVERLAP, broker.claimTick("t", t0, uniqueJob("default", "nightly"), false));

        assertEquals(Optional.of(t0), broker.lastTick("t"));
        assertEquals(List.of(holder.id()), ids(fetchNow("w1", 5, "default")));
        JobMessage next = job("default", "t", "{}");
        assertEquals(TickResult.ENQUEUED, broker.claimTick("t", t0.plusSeconds(60), next, true),
                "the holder is no run of this task, so it does not count as the task's previous run");
    }

    @Test
    void overlappingTaskEnqueuesEvenWhileItsPreviousRunIsPending() throws Exception {
        Instant t0 = Instant.parse("2026-03-02T10:00:00Z");
        broker.claimTick("t", t0, job("default", "t", "{}"), false);
        fetchOne("w1", "default");
        assertEquals(TickResult.ENQUEUED, broker.claimTick("t", t0.plusSeconds(60), job("default", "t", "{}"), false));
    }

    // --- failed set ----------------------------------------------------------------------------

    private List<JobMessage> failJobs(int count) throws InterruptedException {
        List<JobMessage> failed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JobMessage sent = job("default", "Job", "{\"n\":" + i + "}");
            broker.enqueue(sent);
            JobMessage active = fetchOne("w1", "default");
            broker.fail("w1", active, failure(active, "failure " + i));
            failed.add(sent);
            clock.advance(Duration.ofSeconds(1));
        }
        return failed;
    }

    @Test
    void failedJobsAreListedNewestFirstAndPaged() throws Exception {
        List<JobMessage> failed = failJobs(5);

        List<String> all = broker.failedJobs(0, 10).stream().map(f -> f.job().id()).toList();
        assertEquals(List.of(failed.get(4).id(), failed.get(3).id(), failed.get(2).id(), failed.get(1).id(),
                failed.get(0).id()), all);
        assertEquals(all.subList(1, 3), broker.failedJobs(1, 2).stream().map(f -> f.job().id()).toList());
        assertEquals(List.of(), broker.failedJobs(5, 10));
        assertEquals("failure 4", broker.failedJobs(0, 1).get(0).reason());
    }

    @Test
    void retryFailedPutsTheJobBackWithAFreshAttemptCount() throws Exception {
        JobMessage sent = failJobs(1).get(0);

        assertTrue(broker.retryFailed(sent.id()));

        assertEquals(Optional.of(JobState.QUEUED), broker.status(sent.id()));
        assertEquals(List.of(), broker.failedJobs(0, 10));
        assertEquals(0, broker.stats().failed());
        JobMessage again = fetchOne("w1", "default");
        assertEquals(sent.id(), again.id());
        assertEquals(1, again.attempt());
        assertEquals(sent.payload(), again.payload());
        assertFalse(broker.retryFailed(sent.id()), "no longer failed");
    }

    @Test
    void retryFailedOfUnknownOrNotFailedJobsIsFalse() {
        JobMessage queued = job("default");
        broker.enqueue(queued);
        assertFalse(broker.retryFailed(queued.id()));
        assertFalse(broker.retryFailed(JobIds.next("default")));
        assertFalse(broker.retryFailed("not-a-job-id"));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(queued.id()));
    }

    @Test
    void deleteFailedRemovesOneJob() throws Exception {
        List<JobMessage> failed = failJobs(2);

        assertTrue(broker.deleteFailed(failed.get(0).id()));

        assertEquals(List.of(failed.get(1).id()), broker.failedJobs(0, 10).stream().map(f -> f.job().id()).toList());
        assertEquals(Optional.empty(), broker.status(failed.get(0).id()));
        assertFalse(broker.deleteFailed(failed.get(0).id()));
        assertEquals(1, broker.stats().failed());
    }

    @Test
    void deleteFailedRefusesJobsThatAreNotFailed() {
        JobMessage queued = job("default");
        broker.enqueue(queued);
        assertFalse(broker.deleteFailed(queued.id()));
        assertFalse(broker.deleteFailed("not-a-job-id"));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(queued.id()));
    }

    @Test
    void purgeFailedDeletesEveryFailedJobAndSaysHowMany() throws Exception {
        List<JobMessage> failed = failJobs(3);
        JobMessage queued = job("default");
        broker.enqueue(queued);

        assertEquals(3, broker.purgeFailed());

        assertEquals(List.of(), broker.failedJobs(0, 10));
        assertEquals(0, broker.stats().failed());
        assertEquals(Optional.empty(), broker.status(failed.get(2).id()));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(queued.id()));
        assertEquals(0, broker.purgeFailed());
    }

    // --- listing pending jobs ------------------------------------------------------------------

    private List<String> pendingIds(String queue, JobState state) {
        return broker.pendingJobs(queue, state, 0, 100).stream().map(p -> p.job().id()).toList();
    }

    @Test
    void queuedJobsAreListedInTheOrderWorkersTakeThemWithEveryField() throws Exception {
        JobMessage first = job("mail", "SendWelcomeEmail", "{\"userId\":1}");
        JobMessage second = job("mail");
        JobMessage third = uniqueJob("mail", "user-3");
        broker.enqueueAll(List.of(first, second, third, job("default")));

        List<PendingJob> listed = broker.pendingJobs("mail", JobState.QUEUED, 0, 10);

        assertEquals(List.of(first.id(), second.id(), third.id()), listed.stream().map(p -> p.job().id()).toList());
        PendingJob head = listed.get(0);
        assertEquals(JobState.QUEUED, head.state());
        assertEquals("SendWelcomeEmail", head.job().name());
        assertEquals("mail", head.job().queue());
        assertEquals("{\"userId\":1}", head.job().payload());
        assertEquals("fp-1", head.job().fingerprint());
        assertEquals(first.enqueuedAt(), head.job().enqueuedAt());
        assertEquals(0, head.job().attempt());
        assertEquals(null, head.dueAt());
        assertEquals(null, head.workerId());
        assertEquals(null, head.activeSince());
        assertEquals(null, head.lastError());
        assertEquals("user-3", listed.get(2).job().uniqueKey());

        assertEquals(List.of(second.id()), broker.pendingJobs("mail", JobState.QUEUED, 1, 1).stream()
                .map(p -> p.job().id()).toList(), "offset and limit page through the list");
        assertEquals(List.of(), broker.pendingJobs("mail", JobState.QUEUED, 3, 10));

        JobMessage taken = fetchOne("w1", "mail");
        assertEquals(List.of(second.id(), third.id()), pendingIds("mail", JobState.QUEUED));
        broker.release("w1", List.of(taken));
        assertEquals(List.of(first.id(), second.id(), third.id()), pendingIds("mail", JobState.QUEUED),
                "a released job is listed first again, where the next fetch takes it");
    }

    @Test
    void scheduledJobsAreListedSoonestFirstWithWhenTheyBecomeReady() throws Exception {
        JobMessage inTenMinutes = delayedJob("mail", Duration.ofMinutes(10));
        JobMessage inTwoMinutes = delayedJob("mail", Duration.ofMinutes(2));
        JobMessage inFiveMinutes = delayedJob("mail", Duration.ofMinutes(5));
        broker.enqueueAll(List.of(inTenMinutes, inTwoMinutes, inFiveMinutes, delayedJob("default", Duration.ofMinutes(1))));
        broker.enqueue(job("mail"));

        List<PendingJob> listed = broker.pendingJobs("mail", JobState.SCHEDULED, 0, 10);

        assertEquals(List.of(inTwoMinutes.id(), inFiveMinutes.id(), inTenMinutes.id()),
                listed.stream().map(p -> p.job().id()).toList());
        assertEquals(List.of(START.plus(Duration.ofMinutes(2)), START.plus(Duration.ofMinutes(5)), START.plus(Duration.ofMinutes(10))),
                listed.stream().map(PendingJob::dueAt).toList());
        assertTrue(listed.stream().allMatch(p -> p.state() == JobState.SCHEDULED && p.workerId() == null));
        assertEquals(List.of(inFiveMinutes.id()), broker.pendingJobs("mail", JobState.SCHEDULED, 1, 1).stream()
                .map(p -> p.job().id()).toList());
    }

    @Test
    void aRetryWaitingOutItsBackoffIsListedAsScheduledWithItsLastError() throws Exception {
        broker.enqueue(job("default"));
        JobMessage active = fetchOne("w1", "default");
        Instant retryAt = clock.instant().plusSeconds(30);

        broker.retry("w1", active, failure(active, "IllegalStateException: smtp down"), retryAt);

        List<PendingJob> listed = broker.pendingJobs("default", JobState.SCHEDULED, 0, 10);
        assertEquals(1, listed.size());
        assertEquals(active.id(), listed.get(0).job().id());
        assertEquals(retryAt, listed.get(0).dueAt());
        assertEquals(1, listed.get(0).job().attempt(), "one attempt started so far");
        assertEquals("IllegalStateException: smtp down", listed.get(0).lastError());
        assertEquals(List.of(), broker.pendingJobs("default", JobState.ACTIVE, 0, 10));
    }

    @Test
    void aFailedJobRetriedFromTheFailedSetIsListedAsQueuedWithAFreshStart() throws Exception {
        JobMessage failed = failJobs(1).get(0);

        assertTrue(broker.retryFailed(failed.id()));

        List<PendingJob> listed = broker.pendingJobs("default", JobState.QUEUED, 0, 10);
        assertEquals(List.of(failed.id()), listed.stream().map(p -> p.job().id()).toList());
        assertEquals(0, listed.get(0).job().attempt());
        assertEquals(null, listed.get(0).lastError(), "its history was cleared");
    }

    @Test
    void activeJobsAreListedOldestFetchFirstWithTheWorkerHoldingThem() throws Exception {
        broker.enqueueAll(List.of(job("mail"), job("mail"), job("default")));
        Instant firstFetch = clock.instant();
        JobMessage early = fetchOne("w1", "mail");
        clock.advance(Duration.ofSeconds(3));
        List<JobMessage> late = fetchNow("w2", 2, "mail", "default");
        assertEquals(2, late.size());

        List<PendingJob> listed = broker.pendingJobs("mail", JobState.ACTIVE, 0, 10);

        assertEquals(2, listed.size(), "only the queue's own jobs: " + listed);
        assertEquals(early.id(), listed.get(0).job().id());
        assertEquals("w1", listed.get(0).workerId());
        assertEquals(firstFetch, listed.get(0).activeSince());
        assertEquals(1, listed.get(0).job().attempt(), "the attempt now running");
        assertEquals(JobState.ACTIVE, listed.get(0).state());
        assertEquals(null, listed.get(0).dueAt());
        assertEquals(late.get(0).id(), listed.get(1).job().id());
        assertEquals("w2", listed.get(1).workerId());
        assertEquals(firstFetch.plusSeconds(3), listed.get(1).activeSince());
        assertEquals(List.of(late.get(1).id()), pendingIds("default", JobState.ACTIVE));
        assertEquals(List.of(late.get(0).id()), broker.pendingJobs("mail", JobState.ACTIVE, 1, 5).stream()
                .map(p -> p.job().id()).toList());

        broker.complete("w1", List.of(early));
        assertEquals(List.of(late.get(0).id()), pendingIds("mail", JobState.ACTIVE));
    }

    @Test
    void cancelledJobsLeaveTheListings() throws Exception {
        JobMessage queued = job("mail");
        JobMessage scheduled = delayedJob("mail", Duration.ofMinutes(5));
        JobMessage kept = job("mail");
        broker.enqueueAll(List.of(queued, scheduled, kept));

        assertTrue(broker.cancel(queued.id()));
        assertTrue(broker.cancel(scheduled.id()));

        assertEquals(List.of(kept.id()), pendingIds("mail", JobState.QUEUED));
        assertEquals(List.of(), pendingIds("mail", JobState.SCHEDULED));
    }

    @Test
    void listingsOfUnknownQueuesAreEmptyAndBadRequestsAreRefused() throws Exception {
        broker.enqueue(job("mail"));

        assertEquals(List.of(), broker.pendingJobs("nobody-uses-this", JobState.QUEUED, 0, 10));
        assertEquals(List.of(), broker.pendingJobs("nobody-uses-this", JobState.ACTIVE, 0, 10));
        assertEquals(List.of(), broker.pendingJobs("mail", JobState.QUEUED, 0, 0));
        IllegalArgumentException failed = assertThrows(IllegalArgumentException.class,
                () -> broker.pendingJobs("mail", JobState.FAILED, 0, 10));
        assertTrue(failed.getMessage().contains("failedJobs"), failed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> broker.pendingJobs("mail", JobState.COMPLETED, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> broker.pendingJobs("mail", JobState.QUEUED, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> broker.pendingJobs("mail", JobState.QUEUED, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> broker.pendingJobs("no spaces", JobState.QUEUED, 0, 10));
    }

    // --- stats ---------------------------------------------------------------------------------

    @Test
    void statsCountReadyScheduledAndActiveJobsPerQueue() throws Exception {
        broker.enqueueAll(List.of(job("mail"), job("mail"), job("mail"), job("default")));
        broker.enqueue(delayedJob("mail", Duration.ofMinutes(10)));
        broker.enqueue(delayedJob("reports", Duration.ofMinutes(10)));
        fetchNow("w1", 1, "mail");

        BrokerStats stats = broker.stats();

        assertEquals(List.of(2L, 1L, 1L), sizes(queueStats("mail")));
        assertEquals(List.of(1L, 0L, 0L), sizes(queueStats("default")));
        assertEquals(List.of(0L, 1L, 0L), sizes(queueStats("reports")));
        List<String> names = stats.queues().stream().map(QueueStats::queue).toList();
        assertEquals(names.stream().sorted().toList(), names, "queues sorted by name");
        assertTrue(names.containsAll(List.of("default", "mail", "reports")), names.toString());
        assertEquals(0, stats.failed());
        assertEquals(0, stats.processed());
        assertEquals(0, stats.failures());
    }

    @Test
    void statsCountProcessedAndFailedAttempts() throws Exception {
        broker.enqueueAll(List.of(job("default"), job("default"), job("default")));
        List<JobMessage> active = fetchNow("w1", 3, "default");
        broker.complete("w1", List.of(active.get(0)));
        broker.retry("w1", active.get(1), failure(active.get(1), "boom"), clock.instant().plusSeconds(60));
        broker.fail("w1", active.get(2), failure(active.get(2), "boom"));

        BrokerStats stats = broker.stats();

        assertEquals(1, stats.processed());
        assertEquals(2, stats.failures());
        assertEquals(1, stats.failed());
        assertEquals(List.of(0L, 1L, 0L), sizes(queueStats("default")));
    }

    @Test
    void idsFromDifferentQueuesNeverCollideAndStatusFindsThem() throws Exception {
        JobMessage mail = job("mail");
        JobMessage other = job("default");
        broker.enqueueAll(List.of(mail, other));
        assertNotEquals(mail.id(), other.id());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(mail.id()));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(other.id()));
        assertEquals(mail.id(), fetchOne("w1", "mail").id());
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(mail.id()));
        assertEquals(Optional.of(JobState.QUEUED), broker.status(other.id()));
    }

    /** A job's time fields are kept to the millisecond at least. */
    @Test
    void instantsKeepMillisecondPrecision() throws Exception {
        clock.set(START.plusMillis(123));
        JobMessage sent = job("default");
        broker.enqueue(sent);
        assertEquals(sent.enqueuedAt().truncatedTo(ChronoUnit.MILLIS), fetchOne("w1", "default").enqueuedAt());
    }

    // --- observability: history, recent completions, pause, latency, busy slots ----------------

    @Test
    void historyCountsCompletionsAndFailuresPerMinuteAndPerDay() throws Exception {
        broker.enqueueAll(List.of(job("mail"), job("mail"), job("mail"), job("default")));
        List<JobMessage> mail = fetchNow("w1", 3, "mail");
        broker.complete("w1", List.of(mail.get(0), mail.get(1)));
        broker.retry("w1", mail.get(2), failure(mail.get(2), "boom"), clock.instant().plusSeconds(1));
        clock.advance(Duration.ofMinutes(2));
        JobMessage other = fetchOne("w1", "default");
        broker.fail("w1", other, failure(other, "gave up"));

        Instant first = START.truncatedTo(ChronoUnit.MINUTES);
        List<ThroughputBucket> minutes = broker.history(HistoryResolution.MINUTE, first, clock.instant());
        assertEquals(List.of(new ThroughputBucket(first, 2, 1), new ThroughputBucket(first.plusSeconds(60), 0, 0),
                new ThroughputBucket(first.plusSeconds(120), 0, 1)), minutes);
        assertEquals(List.of(new ThroughputBucket(first, 2, 1), new ThroughputBucket(first.plusSeconds(60), 0, 0),
                new ThroughputBucket(first.plusSeconds(120), 0, 0)),
                broker.queueHistory("mail", HistoryResolution.MINUTE, first, clock.instant()));
        Instant day = START.truncatedTo(ChronoUnit.DAYS);
        assertEquals(List.of(new ThroughputBucket(day, 2, 2)), broker.history(HistoryResolution.DAY, START, clock.instant()));
        assertEquals(List.of(new ThroughputBucket(day, 0, 1)),
                broker.queueHistory("default", HistoryResolution.DAY, START, clock.instant()));
        assertEquals(List.of(new ThroughputBucket(day, 0, 0)),
                broker.queueHistory("unused", HistoryResolution.DAY, START, clock.instant()));
    }

    @Test
    void historyForgetsBucketsOlderThanTheResolutionKeeps() throws Exception {
        broker.enqueue(job("mail"));
        broker.complete("w1", List.of(fetchOne("w1", "mail")));
        Instant minute = START.truncatedTo(ChronoUnit.MINUTES);
        assertEquals(1, broker.history(HistoryResolution.MINUTE, minute, minute).get(0).processed());

        clock.advance(HistoryResolution.MINUTE.retention().plusMinutes(1));
        assertEquals(List.of(new ThroughputBucket(minute, 0, 0)), broker.history(HistoryResolution.MINUTE, minute, minute));
        assertEquals(1, broker.history(HistoryResolution.DAY, START, clock.instant()).stream()
                .mapToLong(ThroughputBucket::processed).sum(), "the day bucket is kept for weeks");
    }

    @Test
    void historyRefusesBackwardsAndOverlongRanges() {
        assertThrows(IllegalArgumentException.class, () -> broker.history(HistoryResolution.MINUTE, START, START.minusSeconds(60)));
        assertThrows(IllegalArgumentException.class,
                () -> broker.history(HistoryResolution.MINUTE, START, START.plus(Duration.ofHours(7))));
        assertEquals(360, broker.history(HistoryResolution.MINUTE, START, START.plus(Duration.ofMinutes(359))).size());
        assertEquals(56, broker.history(HistoryResolution.DAY, START, START.plus(Duration.ofDays(55))).size());
    }

    @Test
    void recentCompletedListsTheLastCompletionsNewestFirstWithTheirTimes() throws Exception {
        JobMessage first = job("mail", "SendMail", "{}");
        JobMessage second = job("reports", "BuildReport", "{}");
        broker.enqueueAll(List.of(first, second));
        JobMessage a = fetchOne("w1", "mail");
        clock.advance(Duration.ofMillis(250));
        broker.complete("w1", List.of(a));
        clock.advance(Duration.ofSeconds(1));
        JobMessage b = fetchOne("w1", "reports");
        clock.advance(Duration.ofMillis(40));
        broker.complete("w1", List.of(b));

        List<CompletedJob> recent = broker.recentCompleted(0, 10);
        assertEquals(List.of(second.id(), first.id()), recent.stream().map(CompletedJob::id).toList());
        CompletedJob mail = recent.get(1);
        assertEquals("SendMail", mail.name());
        assertEquals("mail", mail.queue());
        assertEquals(1, mail.attempt());
        assertEquals(START, mail.enqueuedAt());
        assertEquals(START, mail.startedAt());
        assertEquals(START.plusMillis(250), mail.completedAt());
        assertEquals(Duration.ofMillis(40), recent.get(0).runTime());
        assertEquals(List.of(first.id()), broker.recentCompleted(1, 5).stream().map(CompletedJob::id).toList());
        assertEquals(List.of(), broker.recentCompleted(2, 5));
        assertThrows(IllegalArgumentException.class, () -> broker.recentCompleted(-1, 5));
    }

    @Test
    void recentCompletedKeepsABoundedNumberPerQueue() throws Exception {
        int total = Broker.RECENT_COMPLETED_KEPT + 20;
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            jobs.add(job("mail"));
        }
        broker.enqueueAll(jobs);
        List<JobMessage> taken = new ArrayList<>();
        while (taken.size() < total) {
            List<JobMessage> batch = fetchNow("w1", 100, "mail");
            broker.complete("w1", batch);
            taken.addAll(batch);
            clock.advance(Duration.ofMillis(1));
        }

        List<CompletedJob> recent = broker.recentCompleted(0, total);
        assertEquals(Broker.RECENT_COMPLETED_KEPT, recent.size());
        assertEquals(taken.get(total - 1).id(), recent.get(0).id(), "newest first");
        assertFalse(recent.stream().map(CompletedJob::id).toList().contains(taken.get(0).id()),
                "the oldest completions were dropped");
    }

    @Test
    void aPausedQueueGivesNoJobsUntilResumedWhileOtherQueuesDo() throws Exception {
        broker.enqueueAll(List.of(job("mail"), job("default")));
        assertTrue(broker.pause("mail"));
        assertFalse(broker.pause("mail"), "already paused");

        assertEquals(List.of("default"), fetchNow("w1", 5, "mail", "default").stream().map(JobMessage::queue).toList());
        assertEquals(List.of(), fetchNow("w1", 5, "mail"));
        assertTrue(queueStats("mail").paused());
        assertEquals(1, queueStats("mail").ready(), "its jobs wait where they are");
        assertFalse(queueStats("default").paused());

        assertTrue(broker.resume("mail"));
        assertFalse(broker.resume("mail"), "not paused any more");
        assertFalse(queueStats("mail").paused());
        assertEquals(1, fetchNow("w1", 5, "mail").size());
    }

    @Test
    void aQueuePausedBeforeItsFirstJobIsListedAsPaused() {
        assertTrue(broker.pause("reports"));
        assertTrue(queueStats("reports").paused(), broker.stats().queues().toString());
        assertThrows(IllegalArgumentException.class, () -> broker.pause("bad queue"));
    }

    @Test
    void resumeWakesAFetchBlockedOnThePausedQueue() throws Exception {
        broker.pause("mail");
        JobMessage sent = job("mail");
        broker.enqueue(sent);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<List<JobMessage>> fetched = executor.submit(() -> broker.fetch("w1", List.of("mail"), 5, Duration.ofSeconds(20)));
            Thread.sleep(200); // the fetch blocks: the queue holds a job but is paused
            assertFalse(fetched.isDone());
            broker.resume("mail");

            assertEquals(List.of(sent.id()), ids(fetched.get(10, TimeUnit.SECONDS)));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void latencyIsTheAgeOfTheOldestReadyJobAndDueRetriesCountAsReady() throws Exception {
        assertEquals(Optional.empty(), queueStats("mail").latency(clock.instant()));
        JobMessage old = job("mail");
        broker.enqueue(old);
        clock.advance(Duration.ofSeconds(30));
        broker.enqueue(job("mail"));
        broker.enqueue(delayedJob("mail", Duration.ofSeconds(10)));
        assertEquals(START, queueStats("mail").oldestReadySince());
        assertEquals(Optional.of(Duration.ofSeconds(30)), queueStats("mail").latency(clock.instant()));

        fetchNow("w1", 2, "mail");
        assertEquals(Optional.empty(), queueStats("mail").latency(clock.instant()));
        clock.advance(Duration.ofSeconds(15)); // the delayed job is due but not promoted yet
        QueueStats stats = queueStats("mail");
        assertEquals(List.of(1L, 0L, 2L), sizes(stats), "a due job counts as ready, not as scheduled");
        assertEquals(START.plusSeconds(40), stats.oldestReadySince(), "ready since its run-at time");
        assertEquals(Optional.of(Duration.ofSeconds(5)), stats.latency(clock.instant()));
    }

    @Test
    void heartbeatCarriesTheJobsAWorkerRuns() {
        List<BusySlot> running = List.of(new BusySlot("mail-1@mail", "SendMail", "mail", START),
                new BusySlot("rep-2@reports", "BuildReport", "reports", START.plusMillis(5)));
        broker.heartbeat(new WorkerInfo("w1", "host-a", 4242, List.of("mail", "reports"), 4, START, clock.instant(), running),
                Duration.ofSeconds(15));

        WorkerInfo w1 = broker.workers().get(0);
        assertEquals(running, w1.running());
        assertEquals(2, w1.idleSlots());
        broker.heartbeat(worker("w1", clock.instant()), Duration.ofSeconds(15));
        assertEquals(List.of(), broker.workers().get(0).running());
    }
}
