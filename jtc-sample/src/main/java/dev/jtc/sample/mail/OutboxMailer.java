package dev.jtc.sample.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox mailer: it logs each mail and keeps it in the {@link Outbox} instead of talking to
 * an SMTP server, so the sample runs anywhere and its effects can be checked.
 */
final class OutboxMailer implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

    private final Outbox outbox;
    private final String sender;
    private final Clock clock;

    OutboxMailer(Outbox outbox, String sender, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void send(String to, String subject, String body) {
        outbox.record(new Mail(sender, to, subject, body, clock.instant()));
        log.info("mail from {} to {}: {}", sender, to, subject);
    }
}
