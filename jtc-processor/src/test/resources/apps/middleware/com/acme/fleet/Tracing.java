package com.acme.fleet;

import dev.jtc.runtime.Attempt;
import dev.jtc.runtime.JobMiddleware;
import jakarta.inject.Inject;
import java.time.Clock;

/** The application's middleware, made by the component (it injects the runtime's clock). */
final class Tracing implements JobMiddleware {
    private final Clock clock;

    @Inject
    Tracing(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void handle(Attempt attempt) throws Exception {
        Trail.EVENTS.add("tracing " + attempt.name() + " at " + clock.instant());
        attempt.proceed();
    }
}
