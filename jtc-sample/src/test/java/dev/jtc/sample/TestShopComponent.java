package dev.jtc.sample;

import dagger.BindsInstance;
import dagger.Component;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.Settings;
import dev.jtc.sample.inventory.Inventory;
import dev.jtc.sample.inventory.InventoryModule;
import dev.jtc.sample.inventory.Warehouse;
import dev.jtc.sample.invoices.InvoiceStore;
import dev.jtc.sample.mail.MailModule;
import dev.jtc.sample.mail.Outbox;
import dev.jtc.sample.payments.Ledger;
import dev.jtc.sample.payments.PaymentsModule;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The generated component plus the shop's singletons, so tests can see what the jobs did. It
 * extends {@link ShopAppComponent}, so the generated {@link ShopAppJobRunner} runs on it exactly as
 * the worker's own component; its modules are the ones {@link ShopApp} names.
 */
@Singleton
@Component(modules = {MailModule.class, PaymentsModule.class, InventoryModule.class})
interface TestShopComponent extends ShopAppComponent {

    Outbox outbox();

    Ledger ledger();

    InvoiceStore invoices();

    Inventory inventory();

    Warehouse warehouse();

    @Component.Factory
    interface Factory {
        TestShopComponent create(@BindsInstance Dispatcher dispatcher, @BindsInstance Clock clock,
                @BindsInstance Settings settings);
    }
}
