package dev.jtc.sample;

import dev.jtc.JtcApplication;
import dev.jtc.sample.mail.MailModule;
import dev.jtc.sample.payments.PaymentsModule;

/**
 * Names the back office of Corner Coffee Roasters, a small online shop, as one jtc application.
 * The processor writes its generated classes next to this one: {@code ShopAppJobs} (dispatch),
 * {@code ShopAppJobRunner} (the dispatch table), {@code ShopAppScheduleRegistry},
 * {@code ShopAppComponent} (Dagger, over the two modules below) and {@code ShopAppWorker} (the
 * {@code main} that {@code bin/run-sample} starts).
 *
 * <p>The jobs live in feature packages ({@code orders}, {@code payments}, {@code invoices}); the
 * scheduled tasks are in {@link BackOfficeTasks}.
 */
@JtcApplication(modules = {MailModule.class, PaymentsModule.class})
public final class ShopApp {

    private ShopApp() {}
}
