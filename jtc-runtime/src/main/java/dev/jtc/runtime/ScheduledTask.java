package dev.jtc.runtime;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.schedule.CronSchedule;
import dev.jtc.schedule.IntervalSchedule;
import dev.jtc.schedule.Schedule;
import dev.jtc.schedule.Zones;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One {@code @Cron} or {@code @Every} method, as the generated {@code <App>ScheduleRegistry}
 * lists it. Each tick is enqueued as a job named {@link #name()} with an empty payload; the
 * generated {@code <App>JobRunner} runs it like any other job (retries, timeout, status).
 *
 * @param name the task's name on the wire, {@code ClassName.methodName} unless set
 * @param kind cron or interval
 * @param expression the cron expression or interval as written in the annotation
 * @param zone the zone the schedule is read in (UTC unless set)
 * @param description a line for listings; may be empty
 * @param schedule when the ticks fall
 * @param missed what to do with ticks missed while no worker ran
 * @param overlap whether a tick may start while the previous run is still going
 * @param jobType the queue, retries and timeout its runs get
 */
public record ScheduledTask(
        String name,
        Kind kind,
        String expression,
        ZoneId zone,
        String description,
        Schedule schedule,
        MissedTicks missed,
        boolean overlap,
        JobType jobType) {

    /** How the task's ticks are defined. */
    public enum Kind { CRON, INTERVAL }

    public ScheduledTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(missed, "missed");
        Objects.requireNonNull(jobType, "jobType");
    }

    /**
     * A new job for one run of this task, as a tick enqueues it: the task's job type (its name,
     * queue, retries and timeout) with an empty payload, ready at {@code now}. The scheduler builds
     * every tick's job with it, and the dashboard's "Run now" too.
     */
    public JobMessage newRun(Instant now) {
        return BrokerDispatcher.newMessage(jobType, "{}", DispatchOptions.none(), now);
    }

    /**
     * Starts a task that runs on a cron expression read in {@code zone}.
     *
     * @throws IllegalArgumentException if the expression does not parse or can never fire, or the
     *     zone is not a region id, UTC or a fixed offset ({@link Zones}): the processor's rules,
     *     in its words, for registries built by hand
     */
    public static Builder cron(String name, String expression, ZoneId zone) {
        return new Builder(name, Kind.CRON, expression, zone, CronSchedule.of(expression, Zones.requireAccepted(zone)));
    }

    /** Starts a task that runs every {@code interval}, aligned to the epoch. */
    public static Builder every(String name, String expression, Duration interval) {
        return new Builder(name, Kind.INTERVAL, expression, java.time.ZoneOffset.UTC, IntervalSchedule.of(interval));
    }

    /** Sets the optional parts of a {@link ScheduledTask}; the defaults are the annotations'. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private final String expression;
        private final ZoneId zone;
        private final Schedule schedule;
        private String description = "";
        private MissedTicks missed = MissedTicks.RUN_ONCE;
        private boolean overlap = true;
        private String queue = "default";
        private int retries = 0;
        private Duration timeout = JobType.NO_TIMEOUT;

        private Builder(String name, Kind kind, String expression, ZoneId zone, Schedule schedule) {
            this.name = name;
            this.kind = kind;
            this.expression = expression;
            this.zone = zone;
            this.schedule = schedule;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder missed(MissedTicks missed) {
            this.missed = missed;
            return this;
        }

        public Builder overlap(boolean overlap) {
            this.overlap = overlap;
            return this;
        }

        public Builder queue(String queue) {
            this.queue = queue;
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public ScheduledTask build() {
            JobType jobType = new JobType(name, queue, retries, timeout,
                    JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", "");
            return new ScheduledTask(name, kind, expression, zone, description, schedule, missed, overlap, jobType);
        }
    }
}
