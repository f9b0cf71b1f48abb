package dev.jtc.runtime.dashboard;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.WorkerInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dashboard over a broker filled the way a worker fills it (enqueue, fetch, fail), for an
 * application with two job types and two scheduled tasks, plus an HTTP client to talk to it.
 */
final class DashboardFixture implements AutoCloseable {

    static final String WORKER = "worker-1";

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"jtc-token\" content=\"([^\"]+)\">");

    final Broker broker;
    final Clock clock;
    final Dashboard dashboard;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DashboardFixture(Broker broker, Clock clock, String appName) {
        this.broker = broker;
        this.clock = clock;
        this.dashboard = Dashboard.start(broker, app(appName), clock, "127.0.0.1", 0);
    }

    /** ShopApp: two jobs, a cron task read in Berlin time and a 30-second interval task. */
    static AppDefinition app(String name) {
        JobType welcome = new JobType("SendWelcomeEmail", "mail", 5, Duration.ofSeconds(30),
                JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "3f9a1c2b", "userId:long,template:String");
        JobType charge = new JobType("ChargeCard", "payments", 3, JobType.NO_TIMEOUT,
                Duration.ofSeconds(2), Duration.ofMinutes(5), "77aa01de", "orderId:UUID");
        ScheduledTask report = ScheduledTask.cron("Reports.morningReport", "0 9 * * MON-FRI", ZoneId.of("Europe/Berlin"))
                .description("Send the morning report").queue("reports").build();
        ScheduledTask health = ScheduledTask.every("Health.check", "30s", Duration.ofSeconds(30))
                .overlap(false).missed(MissedTicks.SKIP).build();
        return new AppDefinition(name, "com.acme.shop", List.of(welcome, charge), List.of(report, health),
                (dispatcher, clock, settings) -> (jobName, payload, context) -> {
                    throw new UnknownJobException(jobName);
                });
    }

    /** Runs a job through one failed attempt and into the failed set, as a worker would; returns its id. */
    String failedJob(String name, String queue, String payload, String reason) {
        enqueue(name, queue, payload);
        return failedJobFromQueue(queue, reason);
    }

    /** Fetches the next job of {@code queue} (enqueued by the caller) and fails it; returns its id. */
    String failedJobFromQueue(String queue, String reason) {
        JobMessage job = fetchOne(queue);
        broker.fail(WORKER, job, new Failure(job.attempt(), clock.instant(), reason, stackTrace(reason)));
        return job.id();
    }

    /** A job that failed, was retried, and failed for good on its second attempt; needs an empty queue. */
    String jobFailedTwice(String name, String queue, String payload, String firstReason, String lastReason) {
        return jobFailedTwice(JobIds.next(queue), name, queue, payload, firstReason, lastReason);
    }

    /** {@link #jobFailedTwice(String, String, String, String, String)} with an id of the caller's (screenshots want fixed ones). */
    String jobFailedTwice(String id, String name, String queue, String payload, String firstReason, String lastReason) {
        enqueue(id, name, queue, payload);
        JobMessage first = fetchOne(queue);
        broker.retry(WORKER, first, new Failure(1, clock.instant(), firstReason, stackTrace(firstReason)), clock.instant());
        JobMessage second = fetchOne(queue);
        if (!second.id().equals(first.id())) {
            throw new AssertionError("the retried job was not next on queue " + queue + "; use an empty queue");
        }
        broker.fail(WORKER, second, new Failure(2, clock.instant(), lastReason, stackTrace(lastReason)));
        return second.id();
    }

    String enqueue(String name, String queue, String payload) {
        return enqueue(JobIds.next(queue), name, queue, payload);
    }

    String enqueue(String id, String name, String queue, String payload) {
        broker.enqueue(JobMessage.create(id, name, queue, payload, "", clock.instant(), null, null));
        return id;
    }

    void heartbeat(String workerId, List<String> queues, int concurrency) {
        heartbeat(workerId, queues, concurrency, List.of());
    }

    /** A heartbeat that says the worker runs {@code running}. */
    void heartbeat(String workerId, List<String> queues, int concurrency, List<BusySlot> running) {
        Instant now = clock.instant();
        broker.heartbeat(new WorkerInfo(workerId, "build-host", 4242, queues, concurrency, now.minusSeconds(600), now, running),
                Duration.ofSeconds(30));
    }

    private JobMessage fetchOne(String queue) {
        try {
            List<JobMessage> fetched = broker.fetch(WORKER, List.of(queue), 1, Duration.ofSeconds(1));
            if (fetched.size() != 1) {
                throw new AssertionError("expected one job on queue " + queue + ", fetched " + fetched);
            }
            return fetched.get(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while fetching", e);
        }
    }

    static String stackTrace(String reason) {
        return "java.lang.IllegalStateException: " + reason + "\n\tat com.acme.shop.ChargeCard.handle(ChargeCard.java:42)"
                + "\n\tat com.acme.shop.ShopAppJobRunner.run(ShopAppJobRunner.java:17)";
    }

    // --- HTTP ----------------------------------------------------------------------------------

    URI uri(String path) {
        return dashboard.uri().resolve(path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonTree getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JsonTree.parse(response.body());
    }

    /** POSTs with the token header when {@code token} is not null. */
    HttpResponse<String> post(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Jtc-Token", token);
        }
        return send(request);
    }

    /** The token embedded in the page, as the page's script reads it. */
    String pageToken() {
        Matcher matcher = TOKEN.matcher(get("/").body());
        if (!matcher.find()) {
            throw new AssertionError("the page has no jtc-token meta tag");
        }
        return matcher.group(1);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        dashboard.close();
    }
}
