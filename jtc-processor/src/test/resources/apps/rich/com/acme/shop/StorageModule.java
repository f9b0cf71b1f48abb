package com.acme.shop;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;

/** Has a no-argument constructor, so the component makes it itself. */
@Module
final class StorageModule {
    @Provides
    @Singleton
    static Outbox outbox() {
        return new Outbox();
    }
}
