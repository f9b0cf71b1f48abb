package dev.jtc.runtime.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.HistoryResolution;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.WireLimits;
import dev.jtc.schedule.Names;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON API under {@code /api/}. Reads are GETs; changes (to the failed set, cancelling a
 * waiting job, running a scheduled task now, pausing a queue) are POSTs that must carry the page's
 * {@link RequestToken} in the {@value RequestToken#HEADER} header.
 *
 * <pre>
 * GET  /api/overview?offset=0&amp;limit=25&amp;next=3   everything the page shows
 * GET  /api/stats                                totals, queues, workers
 * GET  /api/failed?offset=0&amp;limit=25             one page of the failed set, newest first
 * GET  /api/queues/{queue}/{state}?offset=0&amp;limit=25
 *                                                one page of a queue's queued, scheduled or active jobs
 * GET  /api/history?resolution=minute&amp;buckets=60&amp;queue=mail
 *                                                processed and failed attempts per minute or day, up to now
 * GET  /api/completed?offset=0&amp;limit=25          recently completed jobs, newest first
 * GET  /api/schedules?next=3                     scheduled tasks with their next run times
 * GET  /api/jobs                                 job types
 * GET  /api/jobs/{id}                            one job: state, payload, attempts, times, errors
 * POST /api/failed/{id}/retry                    back to its queue with a fresh attempt count
 * POST /api/failed/{id}/delete                   gone for good
 * POST /api/failed/retry-all                     every failed job back to its queue
 * POST /api/failed/purge                         delete every failed job
 * POST /api/waiting/{id}/cancel                  cancel a scheduled or queued job
 * POST /api/tasks/{name}/run                     enqueue one run of a scheduled task now
 * POST /api/queues/{queue}/pause                 workers take no more jobs from the queue
 * POST /api/queues/{queue}/resume                they take them again
 * </pre>
 */
final class ApiRoute implements Route {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 500;
    static final int DEFAULT_NEXT_RUNS = 3;
    static final int MAX_NEXT_RUNS = 20;
    /** The chart's default spans: the last hour, and the last 30 days. */
    static final int DEFAULT_MINUTE_BUCKETS = 60;
    static final int DEFAULT_DAY_BUCKETS = 30;

    private final Snapshots snapshots;
    private final FailedSetActions actions;
    private final WaitingJobActions waiting;
    private final ScheduledTaskActions tasks;
    private final QueueActions queues;
    private final RequestToken token;

    ApiRoute(Snapshots snapshots, FailedSetActions actions, WaitingJobActions waiting, ScheduledTaskActions tasks,
            QueueActions queues, RequestToken token) {
        this.snapshots = snapshots;
        this.actions = actions;
        this.waiting = waiting;
        this.tasks = tasks;
        this.queues = queues;
        this.token = token;
    }

    @Override
    public Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String[] segments = rawPath.substring("/api/".length()).split("/", -1);
        try {
            QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
            if (segments.length == 1) {
                return read(method, segments[0], query, rawPath);
            }
            boolean queueChange = segments[0].equals("queues") && segments.length == 3
                    && (segments[2].equals("pause") || segments[2].equals("resume"));
            if (segments[0].equals("queues") && segments.length == 3 && !queueChange) {
                return readQueue(method, decodeQueue(segments[1]), segments[2], query);
            }
            if (segments[0].equals("jobs") && segments.length == 2) {
                return readJob(method, decodeJobId(segments[1]));
            }
            boolean failedSetChange = segments[0].equals("failed") && segments.length <= 3;
            boolean waitingJobChange = segments[0].equals("waiting") && segments.length == 3;
            boolean taskChange = segments[0].equals("tasks") && segments.length == 3;
            if (!failedSetChange && !waitingJobChange && !taskChange && !queueChange) {
                return Response.notFound(rawPath);
            }
            if (!method.equals("POST")) {
                return Response.methodNotAllowed(method, "POST");
            }
            if (!token.matches(exchange.getRequestHeaders().getFirst(RequestToken.HEADER))) {
                return Response.error(403, "missing or wrong " + RequestToken.HEADER + " header",
                        "changes must come from the dashboard page; reload it (the token changes when the dashboard restarts)");
            }
            if (waitingJobChange) {
                return waitingJobChange(decode(segments[1]), segments[2], rawPath);
            }
            if (taskChange) {
                return taskChange(decode(segments[1]), segments[2], rawPath);
            }
            if (queueChange) {
                return queueChange(decodeQueue(segments[1]), segments[2]);
            }
            return segments.length == 2 ? bulkChange(segments[1], rawPath) : jobChange(decode(segments[1]), segments[2], rawPath);
        } catch (BadRequest e) {
            return Response.error(400, e.getMessage(), e.hint());
        }
    }

    private Response read(String method, String resource, QueryParameters query, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.methodNotAllowed(method, "GET");
        }
        return switch (resource) {
            case "overview" -> Response.json(snapshots.overview(offset(query), limit(query), nextRuns(query)));
            case "stats" -> Response.json(snapshots.stats());
            case "failed" -> Response.json(snapshots.failed(offset(query), limit(query)));
            case "history" -> history(query);
            case "completed" -> Response.json(snapshots.completed(offset(query), limit(query)));
            case "schedules" -> Response.json(snapshots.schedules(nextRuns(query)));
            case "jobs" -> Response.json(snapshots.jobs());
            default -> Response.notFound(rawPath);
        };
    }

    private Response history(QueryParameters query) {
        String name = query.text("resolution", HistoryResolution.MINUTE.wireName());
        HistoryResolution resolution;
        try {
            resolution = HistoryResolution.fromWireName(name);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("no history per '" + name + "'", "use ?resolution=minute (kept "
                    + DisplayFormat.span(HistoryResolution.MINUTE.retention()) + ") or ?resolution=day (kept "
                    + DisplayFormat.span(HistoryResolution.DAY.retention()) + ")");
        }
        int kept = resolution.bucketsKept();
        int buckets = query.integer("buckets", Math.min(kept, resolution == HistoryResolution.MINUTE
                ? DEFAULT_MINUTE_BUCKETS : DEFAULT_DAY_BUCKETS), 1, kept);
        String queue = query.text("queue", null);
        return Response.json(snapshots.history(resolution, buckets, queue == null ? null : validQueue(queue)));
    }

    private Response readQueue(String method, String queue, String stateName, QueryParameters query) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.methodNotAllowed(method, "GET");
        }
        return Response.json(snapshots.pending(queue, listedState(stateName), offset(query), limit(query)));
    }

    /** {@code queued}, {@code scheduled} or {@code active}, as the page and scripts write them. */
    private static JobState listedState(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "queued" -> JobState.QUEUED;
            case "scheduled" -> JobState.SCHEDULED;
            case "active" -> JobState.ACTIVE;
            default -> throw new BadRequest("no list of '" + name + "' jobs",
                    "use /api/queues/{queue}/queued, /scheduled or /active; failed jobs are at /api/failed");
        };
    }

    private Response readJob(String method, String jobId) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.methodNotAllowed(method, "GET");
        }
        return snapshots.job(jobId).map(Response::json).orElseGet(() -> Response.error(404, "no job with id " + jobId,
                "it never existed in this namespace, or it completed or was cancelled longer ago than the completed"
                        + " retention (JTC_COMPLETED_RETENTION, default 5m)"));
    }

    private Response taskChange(String taskName, String action, String rawPath) {
        if (!action.equals("run")) {
            return Response.notFound(rawPath);
        }
        Optional<JobMessage> job = tasks.runNow(taskName);
        if (job.isEmpty()) {
            return Response.error(404, "no scheduled task named " + taskName,
                    "the names are on the Scheduled page and in GET /api/schedules");
        }
        return Response.json(json -> {
            json.writeStartObject();
            json.writeStringField("task", taskName);
            json.writeStringField("id", job.get().id());
            json.writeStringField("queue", job.get().queue());
            json.writeStringField("action", action);
            json.writeBooleanField("done", true);
            json.writeEndObject();
        });
    }

    /** Pausing a paused queue (or resuming a running one) is no error: the queue is as asked, {@code changed} says false. */
    private Response queueChange(String queue, String action) {
        boolean changed = action.equals("pause") ? queues.pause(queue) : queues.resume(queue);
        return Response.json(json -> {
            json.writeStartObject();
            json.writeStringField("queue", queue);
            json.writeStringField("action", action);
            json.writeBooleanField("done", true);
            json.writeBooleanField("changed", changed);
            json.writeBooleanField("paused", action.equals("pause"));
            json.writeEndObject();
        });
    }

    private Response waitingJobChange(String jobId, String action, String rawPath) {
        if (!action.equals("cancel")) {
            return Response.notFound(rawPath);
        }
        if (!waiting.cancel(jobId)) {
            return Response.error(404, "job " + jobId + " is not waiting (scheduled or queued)",
                    "a worker probably took it, or it was cancelled already; the page refreshes by itself");
        }
        return done(jobId, action);
    }

    private Response bulkChange(String action, String rawPath) {
        return switch (action) {
            case "retry-all" -> count("retried", actions.retryAll());
            case "purge" -> count("deleted", actions.purge());
            default -> Response.notFound(rawPath);
        };
    }

    private Response jobChange(String jobId, String action, String rawPath) {
        boolean done;
        switch (action) {
            case "retry" -> done = actions.retry(jobId);
            case "delete" -> done = actions.delete(jobId);
            default -> {
                return Response.notFound(rawPath);
            }
        }
        if (!done) {
            return Response.error(404, "job " + jobId + " is not in the failed set",
                    "it was probably retried or deleted already; the page refreshes by itself");
        }
        return done(jobId, action);
    }

    private static Response done(String jobId, String action) {
        return Response.json(json -> {
            json.writeStartObject();
            json.writeStringField("id", jobId);
            json.writeStringField("action", action);
            json.writeBooleanField("done", true);
            json.writeEndObject();
        });
    }

    private static Response count(String field, long count) {
        return Response.json(json -> {
            json.writeStartObject();
            json.writeNumberField(field, count);
            json.writeEndObject();
        });
    }

    private static int offset(QueryParameters query) {
        return query.integer("offset", 0, 0, Integer.MAX_VALUE);
    }

    private static int limit(QueryParameters query) {
        return query.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    private static int nextRuns(QueryParameters query) {
        return query.integer("next", DEFAULT_NEXT_RUNS, 0, MAX_NEXT_RUNS);
    }

    private static String decodeQueue(String segment) {
        return validQueue(decode(segment));
    }

    private static String validQueue(String queue) {
        if (!Names.isValid(queue)) {
            throw new BadRequest("'" + queue + "' is not a queue name", "queue names are made of A-Z a-z 0-9 . _ -");
        }
        return queue;
    }

    private static String decodeJobId(String segment) {
        String id = decode(segment);
        if (!WireLimits.isValidId(id)) {
            throw new BadRequest("'" + id + "' cannot be a job id",
                    "job ids are 1 to " + WireLimits.MAX_ID_LENGTH + " printable ASCII characters without spaces,"
                            + " such as 01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail");
        }
        return id;
    }

    /** Decodes one path segment; unlike a query string, '+' in a path is a plus sign. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("malformed percent-encoding in the path: " + segment,
                    "percent-encode the job id or task name (encodeURIComponent)");
        }
    }
}
