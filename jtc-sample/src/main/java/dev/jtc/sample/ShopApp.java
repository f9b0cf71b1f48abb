package dev.jtc.sample;

import dev.jtc.JtcApplication;
import dev.jtc.sample.inventory.InventoryModule;
import dev.jtc.sample.mail.MailModule;
import dev.jtc.sample.payments.PaymentsModule;

/**
 * Names the back office of Corner Coffee Roasters, a small online shop, as one jtc application.
 * The processor writes its generated classes next to this one: {@code ShopAppJobs} (dispatch),
 * {@code ShopAppJobRunner} (the dispatch table), {@code ShopAppScheduleRegistry},
 * {@code ShopAppComponent} (Dagger, over the three modules below) and {@code ShopAppWorker} (the
 * {@code main} that {@code bin/run-sample} starts).
 *
 * <p>The shop's own jobs live in feature packages ({@code orders}, {@code payments},
 * {@code invoices}) and its scheduled tasks in {@link BackOfficeTasks}. The stock-keeping jobs
 * ({@code ReserveStock}, {@code RestockProduct}) and tasks ({@code InventoryTasks}) come from the
 * library module {@code jtc-sample-inventory}: the processor finds them on the class path, and
 * the application only lists the library's Dagger module. Every job and task runs inside
 * {@link SlowAttemptAlarm}, the shop's own middleware.
 */
@JtcApplication(modules = {MailModule.class, PaymentsModule.class, InventoryModule.class}, middleware = SlowAttemptAlarm.class)
public final class ShopApp {

    private ShopApp() {}
}
