package dev.jtc.runtime.worker;

import dev.jtc.schedule.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How one worker runs: which queues it listens to (in order, optionally weighted), how many jobs
 * it runs at once, how often it heartbeats and looks for dead workers, how long it waits for
 * running jobs at shutdown, and how its scheduler polls. Immutable; build with {@link #builder()}.
 *
 * <p>The defaults keep the delivery promise that a dead worker's jobs are back in their queues
 * within 30 seconds: a heartbeat every 5 s that lives 15 s, and a recovery pass every 15 s.
 */
public final class WorkerConfig {

    /** One queue a worker listens to and its weight (1 unless given as {@code mail:3}). */
    public record QueueWeight(String queue, int weight) {
        public QueueWeight {
            Names.requireValid("queue", queue);
            if (weight < 1) {
                throw new IllegalArgumentException("queue weight must be at least 1: " + queue + ":" + weight);
            }
        }
    }

    private final List<QueueWeight> queues;
    private final boolean weighted;
    private final int concurrency;
    private final int fetchBatchSize;
    private final Duration fetchWait;
    private final Duration heartbeatInterval;
    private final Duration heartbeatTtl;
    private final Duration recoveryInterval;
    private final int maxRecoveries;
    private final Duration shutdownGrace;
    private final Duration schedulerPoll;
    private final int catchUpCap;
    private final boolean schedulerEnabled;
    private final String workerId;

    private WorkerConfig(Builder b) {
        this.queues = List.copyOf(b.queues);
        this.weighted = b.weighted;
        this.concurrency = b.concurrency;
        this.fetchBatchSize = b.fetchBatchSize;
        this.fetchWait = b.fetchWait;
        this.heartbeatInterval = b.heartbeatInterval;
        this.heartbeatTtl = b.heartbeatTtl;
        this.recoveryInterval = b.recoveryInterval;
        this.maxRecoveries = b.maxRecoveries;
        this.shutdownGrace = b.shutdownGrace;
        this.schedulerPoll = b.schedulerPoll;
        this.catchUpCap = b.catchUpCap;
        this.schedulerEnabled = b.schedulerEnabled;
        this.workerId = b.workerId;
    }

    /** The defaults: queue {@code default}, 10 jobs at once. */
    public static Builder builder() {
        return new Builder();
    }

    /** A configuration with every default. */
    public static WorkerConfig defaults() {
        return builder().build();
    }

    /**
     * Reads a queue list such as {@code mail:3,default} or {@code critical,default,low}. Without
     * any weight the queues are drained strictly in order; with weights each fetch orders them at
     * random, a queue of weight 3 coming first three times as often as one of weight 1.
     *
     * @throws IllegalArgumentException with a one-line message saying what to write
     */
    public static List<QueueWeight> parseQueues(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no queues given: write e.g. --queues default or --queues mail:3,default:1");
        }
        List<QueueWeight> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split(",")) {
            String entry = part.trim();
            int colon = entry.indexOf(':');
            String name = colon < 0 ? entry : entry.substring(0, colon).trim();
            int weight = 1;
            if (colon >= 0) {
                String number = entry.substring(colon + 1).trim();
                try {
                    weight = Integer.parseInt(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("queue weight '" + number + "' of '" + name
                            + "' is not a whole number: write e.g. mail:3,default:1");
                }
            }
            if (!Names.isValid(name)) {
                throw new IllegalArgumentException("queue name '" + name + "' in '" + text
                        + "' may only contain letters, digits, '.', '_' and '-': write e.g. mail:3,default");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("queue weight of '" + name + "' must be at least 1, got " + weight);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("queue '" + name + "' is listed twice in '" + text + "'");
            }
            result.add(new QueueWeight(name, weight));
        }
        return result;
    }

    /** Whether a queue list such as {@code mail:3,default} names any weight. */
    static boolean hasWeights(String text) {
        return text != null && text.contains(":");
    }

    public List<QueueWeight> queues() {
        return queues;
    }

    /** The queue names in the order given. */
    public List<String> queueNames() {
        return queues.stream().map(QueueWeight::queue).toList();
    }

    /** True if the queues are picked by weighted random order, false if drained strictly in order. */
    public boolean weighted() {
        return weighted;
    }

    public int concurrency() {
        return concurrency;
    }

    /** The most jobs one fetch takes (never more than the free slots). */
    public int fetchBatchSize() {
        return fetchBatchSize;
    }

    /** How long one fetch blocks on empty queues; shutdown notices within this time. */
    public Duration fetchWait() {
        return fetchWait;
    }

    public Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    public Duration heartbeatTtl() {
        return heartbeatTtl;
    }

    public Duration recoveryInterval() {
        return recoveryInterval;
    }

    /** How often a job may be recovered from dead workers before it is treated as a poison pill. */
    public int maxRecoveries() {
        return maxRecoveries;
    }

    public Duration shutdownGrace() {
        return shutdownGrace;
    }

    public Duration schedulerPoll() {
        return schedulerPoll;
    }

    /** With {@code MissedTicks.RUN_ALL}, the most missed ticks run per task; older ones are skipped. */
    public int catchUpCap() {
        return catchUpCap;
    }

    /** A tick due longer ago than this counts as missed: {@code max(2 × scheduler poll, 5 s)}. */
    public Duration missedThreshold() {
        Duration twicePoll = schedulerPoll.multipliedBy(2);
        Duration floor = Duration.ofSeconds(5);
        return twicePoll.compareTo(floor) > 0 ? twicePoll : floor;
    }

    public boolean schedulerEnabled() {
        return schedulerEnabled;
    }

    /** The worker's id if one was set; otherwise the worker makes one from host, pid and a random part. */
    public java.util.Optional<String> workerId() {
        return java.util.Optional.ofNullable(workerId);
    }

    @Override
    public String toString() {
        return "WorkerConfig[queues=" + queues + (weighted ? " (weighted)" : " (in order)") + ", concurrency=" + concurrency
                + ", fetchBatchSize=" + fetchBatchSize + ", shutdownGrace=" + shutdownGrace + "]";
    }

    /** Sets what differs from the defaults. */
    public static final class Builder {
        private List<QueueWeight> queues = List.of(new QueueWeight("default", 1));
        private boolean weighted;
        private int concurrency = 10;
        private int fetchBatchSize = 10;
        private Duration fetchWait = Duration.ofSeconds(2);
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private Duration heartbeatTtl = Duration.ofSeconds(15);
        private Duration recoveryInterval = Duration.ofSeconds(15);
        private int maxRecoveries = 3;
        private Duration shutdownGrace = Duration.ofSeconds(30);
        private Duration schedulerPoll = Duration.ofSeconds(1);
        private int catchUpCap = 100;
        private boolean schedulerEnabled = true;
        private String workerId;

        private Builder() {}

        /** Queues as written on the command line: {@code mail:3,default} (see {@link #parseQueues}). */
        public Builder queues(String text) {
            this.queues = parseQueues(text);
            this.weighted = hasWeights(text);
            return this;
        }

        /** Queues drained strictly in the order given. */
        public Builder queues(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a worker needs at least one queue");
            }
            return queues(String.join(",", names));
        }

        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        public Builder fetchBatchSize(int fetchBatchSize) {
            if (fetchBatchSize < 1) {
                throw new IllegalArgumentException("fetch batch size must be at least 1, got " + fetchBatchSize);
            }
            this.fetchBatchSize = fetchBatchSize;
            return this;
        }

        public Builder fetchWait(Duration fetchWait) {
            this.fetchWait = positive("fetch wait", fetchWait);
            return this;
        }

        public Builder heartbeat(Duration interval, Duration ttl) {
            positive("heartbeat interval", interval);
            positive("heartbeat TTL", ttl);
            if (ttl.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("heartbeat TTL (" + ttl + ") must be longer than the interval (" + interval
                        + "), or live workers would look dead");
            }
            this.heartbeatInterval = interval;
            this.heartbeatTtl = ttl;
            return this;
        }

        public Builder recoveryInterval(Duration recoveryInterval) {
            this.recoveryInterval = positive("recovery interval", recoveryInterval);
            return this;
        }

        public Builder maxRecoveries(int maxRecoveries) {
            if (maxRecoveries < 0) {
                throw new IllegalArgumentException("max recoveries must not be negative, got " + maxRecoveries);
            }
            this.maxRecoveries = maxRecoveries;
            return this;
        }

        public Builder shutdownGrace(Duration shutdownGrace) {
            Objects.requireNonNull(shutdownGrace, "shutdownGrace");
            if (shutdownGrace.isNegative()) {
                throw new IllegalArgumentException("shutdown grace must not be negative, got " + shutdownGrace);
            }
            this.shutdownGrace = shutdownGrace;
            return this;
        }

        public Builder schedulerPoll(Duration schedulerPoll) {
            this.schedulerPoll = positive("scheduler poll", schedulerPoll);
            return this;
        }

        public Builder catchUpCap(int catchUpCap) {
            if (catchUpCap < 1) {
                throw new IllegalArgumentException("catch-up cap must be at least 1, got " + catchUpCap);
            }
            this.catchUpCap = catchUpCap;
            return this;
        }

        /** Whether this worker runs the scheduler too (default yes; every worker may, ticks stay exactly-once). */
        public Builder schedulerEnabled(boolean schedulerEnabled) {
            this.schedulerEnabled = schedulerEnabled;
            return this;
        }

        /** A fixed worker id (letters, digits, '.', '_', '-'); by default one is made per process. */
        public Builder workerId(String workerId) {
            this.workerId = Names.requireValid("worker id", workerId);
            return this;
        }

        public WorkerConfig build() {
            return new WorkerConfig(this);
        }

        private static Duration positive(String what, Duration value) {
            Objects.requireNonNull(value, what);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
