package com.acme.shop;

import dev.jtc.Cron;
import dev.jtc.Every;
import dev.jtc.MissedTicks;
import dev.jtc.runtime.JobContext;
import jakarta.inject.Inject;

final class Maintenance {
    private final Outbox outbox;

    @Inject
    Maintenance(Outbox outbox) {
        this.outbox = outbox;
    }

    @Cron(value = "0 * * * *", description = "Clean temp files")
    void hourlyCleanup(JobContext context) {
        Outbox.SENT.add("cleanup by " + context.name());
    }

    @Cron(value = "0 9 * * MON-FRI", zone = "Europe/Berlin", missed = MissedTicks.SKIP)
    void morningReport() {
        Outbox.SENT.add("morning report");
    }

    @Every(value = "30s", overlap = false, queue = "health", retries = 2, timeout = "10s")
    void healthCheck() {
        Outbox.SENT.add("healthy");
    }
}
