package com.acme.fleet;

import dev.jtc.runtime.Attempt;
import dev.jtc.runtime.JobMiddleware;
import jakarta.inject.Inject;

/** A job's own middleware, made by the component. */
final class AuditTrail implements JobMiddleware {
    @Inject
    AuditTrail() {}

    @Override
    public void handle(Attempt attempt) throws Exception {
        Trail.EVENTS.add("audit " + attempt.payload());
        attempt.proceed();
    }
}
