package com.acme.shop;

import dev.jtc.Job;
import jakarta.inject.Inject;

@Job(queue = "mail", retries = 5, timeout = "30s")
public final class SendWelcomeEmail {
    private final Mailer mailer;

    @Inject
    SendWelcomeEmail(Mailer mailer) {
        this.mailer = mailer;
    }

    public void handle(long userId, String template) {
        mailer.send("user-" + userId, template);
    }
}
