package dev.jtc.sample.mail;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of every mail the shop sent, for customer service ("did the confirmation go out?")
 * and for tests that check what the jobs did. One per application: jobs are created per run, the
 * outbox outlives them.
 */
@Singleton
public final class Outbox {

    private final List<Mail> sent = new ArrayList<>();

    @Inject
    public Outbox() {}

    /** Keeps {@code mail} as sent. */
    public synchronized void record(Mail mail) {
        sent.add(mail);
    }

    /** Every mail kept, oldest first. */
    public synchronized List<Mail> sent() {
        return List.copyOf(sent);
    }

    /** The mails sent to {@code address}, oldest first. */
    public synchronized List<Mail> sentTo(String address) {
        return sent.stream().filter(mail -> mail.to().equals(address)).toList();
    }

    /** Forgets the mails sent before {@code cutoff}; returns how many. */
    public synchronized int purgeSentBefore(Instant cutoff) {
        int before = sent.size();
        sent.removeIf(mail -> mail.sentAt().isBefore(cutoff));
        return before - sent.size();
    }
}
