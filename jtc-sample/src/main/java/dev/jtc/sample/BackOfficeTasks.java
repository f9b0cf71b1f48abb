package dev.jtc.sample;

import dev.jtc.Cron;
import dev.jtc.MissedTicks;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.Settings;
import dev.jtc.sample.mail.Mailer;
import dev.jtc.sample.mail.Outbox;
import dev.jtc.sample.payments.Ledger;
import dev.jtc.sample.payments.SalesSummary;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's recurring chores. Each annotated method is a scheduled task: every worker runs the
 * scheduler, and each tick is claimed exactly once across all of them, then run as a job on the
 * {@code default} queue. A new instance is made for every run, so state lives in the injected
 * singletons, not in fields of this class. The stock chores are the inventory library's
 * ({@code dev.jtc.sample.inventory.InventoryTasks}).
 */
public final class BackOfficeTasks {

    /** The shop's own time zone: the owner's day starts and ends in Berlin. */
    static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Berlin");

    /** How long sent mails stay in the outbox for customer-service look-ups. */
    static final Duration MAIL_RETENTION = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(BackOfficeTasks.class);

    private final Ledger ledger;
    private final Mailer mailer;
    private final Outbox outbox;
    private final Settings settings;
    private final Clock clock;

    @Inject
    BackOfficeTasks(Ledger ledger, Mailer mailer, Outbox outbox, Settings settings, Clock clock) {
        this.ledger = ledger;
        this.mailer = mailer;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Mails yesterday's takings to the owner at 07:00 Berlin time on weekdays. The zone makes the
     * report follow the shop's clock through daylight-saving changes.
     */
    @Cron(value = "0 7 * * MON-FRI", zone = "Europe/Berlin", description = "Mail yesterday's sales to the owner")
    void morningSalesReport(JobContext context) {
        LocalDate yesterday = LocalDate.now(clock.withZone(SHOP_ZONE)).minusDays(1);
        Instant from = yesterday.atStartOfDay(SHOP_ZONE).toInstant();
        Instant to = yesterday.plusDays(1).atStartOfDay(SHOP_ZONE).toInstant();
        SalesSummary summary = ledger.summarize(from, to);
        String owner = settings.get("shop.owner.email", "owner@corner-coffee.example");
        mailer.send(owner, "Sales for " + yesterday + ": " + summary.total() + " " + summary.currency(),
                summary.charges() + " payment(s) settled on " + yesterday + " (" + SHOP_ZONE + "), "
                        + summary.total() + " " + summary.currency() + " in all.\n");
        log.info("sales report for {} sent to {} (tick job {})", yesterday, owner, context.id());
    }

    /** Forgets mails older than the retention every night; a missed night is not worth catching up. */
    @Cron(value = "0 3 * * *", description = "Purge outbox mails older than 30 days", missed = MissedTicks.SKIP)
    void purgeOldMail() {
        int purged = outbox.purgeSentBefore(clock.instant().minus(MAIL_RETENTION));
        log.info("purged {} mail(s) older than {} days", purged, MAIL_RETENTION.toDays());
    }
}
