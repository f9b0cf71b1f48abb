package com.acme.shop;

import dev.jtc.Job;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Set;

final class Reports {
    private Reports() {}

    /** A nested job: its codec is flattened to Reports_NightlyCodec. */
    @Job(queue = "reports", retries = 0)
    static final class Nightly {
        @Inject
        Nightly() {}

        void handle(LocalDate day, Set<String> recipients, int[] hours, byte[] logo) {
            Outbox.SENT.add("report " + day + " to " + recipients.size() + " recipients, " + hours.length + " hours, "
                    + logo.length + " bytes");
        }
    }
}
