package com.acme.fleet;

import dev.jtc.Every;
import jakarta.inject.Inject;

/** A scheduled task: the application's middleware runs around its ticks too. */
final class Maintenance {
    @Inject
    Maintenance() {}

    @Every("30s")
    void healthCheck() {
        Trail.EVENTS.add("healthy");
    }
}
