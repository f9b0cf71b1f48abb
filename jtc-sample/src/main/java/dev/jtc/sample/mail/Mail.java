package dev.jtc.sample.mail;

import java.time.Instant;

/**
 * One message the shop sent, as the outbox keeps it.
 *
 * @param from the sender, from the {@code shop.mail.sender} setting
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the plain-text body
 * @param sentAt when it was handed to the mail system
 */
public record Mail(String from, String to, String subject, String body, Instant sentAt) {}
