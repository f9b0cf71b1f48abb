package com.acme.shop;

import dagger.Module;
import dagger.Provides;
import dev.jtc.runtime.Settings;

/** Needs an instance: the sender address comes from the application. */
@Module
public final class MailModule {
    private final String sender;

    public MailModule(String sender) {
        this.sender = sender;
    }

    @Provides
    Mailer mailer(Settings settings) {
        String prefix = settings.get("shop.mail.prefix", "");
        return (to, text) -> Outbox.SENT.add(sender + " -> " + to + ": " + prefix + text);
    }
}
