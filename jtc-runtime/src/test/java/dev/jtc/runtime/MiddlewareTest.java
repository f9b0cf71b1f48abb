package dev.jtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.middleware.LogAttempts;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain the generated dispatch table runs a job through: order, skipping, postponing, failures. */
class MiddlewareTest {

    private final List<String> calls = new ArrayList<>();
    private final JobContext context = new JobContext() {
        @Override
        public String id() {
            return "01J@default";
        }

        @Override
        public String name() {
            return "ship-order";
        }

        @Override
        public String queue() {
            return "default";
        }

        @Override
        public int attempt() {
            return 2;
        }

        @Override
        public Instant enqueuedAt() {
            return Instant.EPOCH;
        }

        @Override
        public boolean stopRequested() {
            return false;
        }
    };

    private JobMiddleware around(String name) {
        return attempt -> {
            calls.add(name + " before");
            try {
                attempt.proceed();
            } finally {
                calls.add(name + " after");
            }
        };
    }

    @Test
    void middlewareRunsFirstToLastAroundTheJobAndSeesTheAttempt() throws Exception {
        JobMiddleware inspect = attempt -> {
            calls.add(attempt.name() + " " + attempt.id() + " attempt " + attempt.attempt() + " " + attempt.payload());
            attempt.proceed();
            assertTrue(attempt.proceeded());
        };
        Middleware.run(context, "{\"orderId\":7}", () -> calls.add("job"), around("outer"), inspect, around("inner"));

        assertEquals(List.of("outer before", "ship-order 01J@default attempt 2 {\"orderId\":7}", "inner before", "job",
                "inner after", "outer after"), calls);
    }

    @Test
    void withoutMiddlewareTheJobJustRuns() throws Exception {
        Middleware.run(context, "{}", () -> calls.add("job"));
        assertEquals(List.of("job"), calls);
    }

    @Test
    void aMiddlewareThatDoesNotProceedSkipsTheJob() throws Exception {
        Middleware.run(context, "{}", () -> calls.add("job"), around("outer"), attempt -> calls.add("gate says no"));
        assertEquals(List.of("outer before", "gate says no", "outer after"), calls);
    }

    @Test
    void postponingThrowsOutOfTheChainWithItsDelayAndWhoAsked() {
        JobMiddleware later = attempt -> attempt.postpone(Duration.ofSeconds(30));
        AttemptPostponedException postponed = assertThrows(AttemptPostponedException.class,
                () -> Middleware.run(context, "{}", () -> calls.add("job"), around("outer"), later));

        assertEquals(Duration.ofSeconds(30), postponed.delay());
        assertTrue(postponed.getMessage().contains(later.getClass().getName()), postponed.getMessage());
        assertEquals(List.of("outer before", "outer after"), calls, "the job did not run; the outer middleware saw it end");
    }

    @Test
    void whatTheJobThrowsComesOutOfProceed() {
        IOException boom = new IOException("carrier down");
        IOException thrown = assertThrows(IOException.class, () -> Middleware.run(context, "{}", () -> {
            throw boom;
        }, around("outer"), new LogAttempts()));
        assertSame(boom, thrown);
        assertEquals(List.of("outer before", "outer after"), calls);
    }

    @Test
    void proceedingTwiceOrPostponingAfterProceedingIsAMistake() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Middleware.run(context, "{}",
                () -> calls.add("job"), attempt -> {
                    attempt.proceed();
                    attempt.proceed();
                }));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
        assertEquals(List.of("job"), calls, "the job ran once");

        IllegalStateException late = assertThrows(IllegalStateException.class, () -> Middleware.run(context, "{}",
                () -> calls.add("job"), attempt -> {
                    attempt.proceed();
                    attempt.postpone(Duration.ofSeconds(1));
                }));
        assertTrue(late.getMessage().contains("after proceed()"), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Middleware.run(context, "{}", () -> { },
                attempt -> attempt.postpone(Duration.ofSeconds(-1))));
    }
}
