package dev.jtc.sample.mail;

import dagger.Module;
import dagger.Provides;
import dev.jtc.runtime.Settings;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Provides the shop's {@link Mailer}, configured from {@link Settings}: the sender address is
 * {@code shop.mail.sender} ({@code --set shop.mail.sender=...}, {@code -Dshop.mail.sender=...}
 * or the environment variable {@code SHOP_MAIL_SENDER}).
 */
@Module
public final class MailModule {

    /** The sender used when {@code shop.mail.sender} is not set. */
    public static final String DEFAULT_SENDER = "Corner Coffee Roasters <orders@corner-coffee.example>";

    @Provides
    @Singleton
    static Mailer mailer(Outbox outbox, Settings settings, Clock clock) {
        return new OutboxMailer(outbox, settings.get("shop.mail.sender", DEFAULT_SENDER), clock);
    }
}
