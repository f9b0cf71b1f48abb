package dev.jtc.sample.mail;

/**
 * Sends plain-text mail on the shop's behalf. Jobs depend on this interface so that a real SMTP
 * client can replace the sandbox one in {@link MailModule} without touching them.
 */
public interface Mailer {

    /** Sends one message from the shop's sender address. */
    void send(String to, String subject, String body);
}
