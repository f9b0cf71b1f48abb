package com.acme.ops;

import dev.jtc.Cron;
import dev.jtc.Every;
import jakarta.inject.Inject;

/** Scheduled tasks only, generated into another package: everything the generated code calls is public. */
public final class Backups {
    @Inject
    public Backups() {}

    @Cron(value = "@daily", name = "nightly-backup", timeout = "2h")
    public void nightly() {}

    @Every("1h30m")
    public void verify() {}
}
