package com.acme.fleet;

import dev.jtc.Job;
import dev.jtc.WithoutOverlapping;
import jakarta.inject.Inject;

/** One run at a time for the whole job, and at most 5 in 30 seconds. */
@Job(queue = "maintenance", rateLimit = "5/PT30S")
@WithoutOverlapping
final class RebuildIndex {
    @Inject
    RebuildIndex() {}

    void handle() {
        Trail.EVENTS.add("rebuild");
    }
}
