package dev.jtc.runtime;

import dev.jtc.schedule.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt through its middleware chain, first to last, then the job. The generated
 * dispatch table calls it for the jobs that have middleware:
 * {@code Middleware.run(context, payload, () -> ShipOrderCodec.run(component.shipOrder(), payload, context), timing, audit)}.
 */
public final class Middleware {

    private static final Logger log = LoggerFactory.getLogger(Middleware.class);

    /** The job itself, run after the last middleware proceeds. */
    @FunctionalInterface
    public interface Job {
        void run() throws Exception;
    }

    private Middleware() {}

    /**
     * Runs {@code job} inside {@code chain}.
     *
     * @throws AttemptPostponedException if a middleware postponed the attempt
     * @throws Exception whatever the job or a middleware throws
     */
    public static void run(JobContext context, String payload, Job job, JobMiddleware... chain) throws Exception {
        Objects.requireNonNull(job, "job");
        if (chain.length == 0) {
            job.run();
            return;
        }
        enter(new Link(context, payload, job, chain, 0));
    }

    /** Runs the middleware of {@code link}, then acts on what it asked for. */
    private static void enter(Link link) throws Exception {
        JobMiddleware middleware = link.chain[link.index];
        middleware.handle(link);
        if (link.postponed != null) {
            throw new AttemptPostponedException(link.postponed,
                    "postponed by " + middleware.getClass().getName() + " for " + Durations.format(link.postponed));
        }
        if (!link.proceeded) {
            log.info("job {} ({}) skipped by middleware {}: it returned without proceeding", link.context.id(), link.context.name(),
                    middleware.getClass().getName());
        }
    }

    /** The attempt as the middleware at {@code index} sees it; proceeding hands on to the next. */
    private static final class Link implements Attempt {
        private final JobContext context;
        private final String payload;
        private final Job job;
        private final JobMiddleware[] chain;
        private final int index;
        private boolean proceeded;
        private Duration postponed;

        Link(JobContext context, String payload, Job job, JobMiddleware[] chain, int index) {
            this.context = context;
            this.payload = payload;
            this.job = job;
            this.chain = chain;
            this.index = index;
        }

        @Override
        public void proceed() throws Exception {
            if (proceeded) {
                throw new IllegalStateException("proceed() was called twice in " + chain[index].getClass().getName());
            }
            if (postponed != null) {
                throw new IllegalStateException("proceed() after postpone() in " + chain[index].getClass().getName());
            }
            proceeded = true;
            if (index + 1 == chain.length) {
                job.run();
            } else {
                enter(new Link(context, payload, job, chain, index + 1));
            }
        }

        @Override
        public void postpone(Duration delay) {
            if (proceeded) {
                throw new IllegalStateException("postpone() after proceed() in " + chain[index].getClass().getName()
                        + ": the job already ran; throw to fail the attempt instead");
            }
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a negative delay: " + delay);
            }
            postponed = delay;
        }

        @Override
        public boolean proceeded() {
            return proceeded;
        }

        @Override
        public String payload() {
            return payload;
        }

        @Override
        public String id() {
            return context.id();
        }

        @Override
        public String name() {
            return context.name();
        }

        @Override
        public String queue() {
            return context.queue();
        }

        @Override
        public int attempt() {
            return context.attempt();
        }

        @Override
        public Instant enqueuedAt() {
            return context.enqueuedAt();
        }

        @Override
        public boolean stopRequested() {
            return context.stopRequested();
        }
    }
}
