package dev.jtc.test;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A small application written out by hand the way the processor generates one (codecs, typed
 * dispatcher, component, dispatch table, definition), so the test helpers are tested without
 * compiling an application; the sample's tests cover them on generated code.
 */
final class Cafe {

    static final JobType RECEIPT_TYPE = new JobType("SendReceipt", "mail", 0, JobType.NO_TIMEOUT,
            JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "receipt00000000", "orderId:long,email:String");
    static final JobType CHARGE_TYPE = new JobType("ChargeCard", "payments", 2, JobType.NO_TIMEOUT,
            Duration.ofMillis(50), Duration.ofMillis(100), "charge000000000", "orderId:long,cardToken:String");

    static final TypedJob<Receipt> RECEIPT = new TypedJob<>(RECEIPT_TYPE, Cafe::decodeReceipt);
    static final TypedJob<Charge> CHARGE = new TypedJob<>(CHARGE_TYPE, Cafe::decodeCharge);

    static final ScheduledTask COFFEE_CHECK = ScheduledTask.every("CafeTasks.checkCoffeeMachine", "15m", Duration.ofMinutes(15)).build();
    static final ScheduledTask OPENING_REPORT =
            ScheduledTask.cron("CafeTasks.openingReport", "0 7 * * *", ZoneId.of("Europe/Berlin")).build();

    static final AppDefinition DEFINITION = new AppDefinition("CafeApp", "dev.jtc.test", List.of(RECEIPT_TYPE, CHARGE_TYPE),
            List.of(COFFEE_CHECK, OPENING_REPORT), (dispatcher, clock, settings) -> new Runner(new Component(dispatcher, clock)));

    private Cafe() {}

    record Receipt(long orderId, String email) {}

    record Charge(long orderId, String cardToken) {}

    static Receipt decodeReceipt(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(RECEIPT_TYPE.name(), json);
        long orderId = 0L;
        String email = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "orderId" -> orderId = in.readLong();
                case "email" -> email = in.readString();
                default -> in.skipValue();
            }
        }
        in.endObject("orderId", "email");
        return new Receipt(orderId, email);
    }

    static Charge decodeCharge(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(CHARGE_TYPE.name(), json);
        long orderId = 0L;
        String cardToken = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "orderId" -> orderId = in.readLong();
                case "cardToken" -> cardToken = in.readString();
                default -> in.skipValue();
            }
        }
        in.endObject("orderId", "cardToken");
        return new Charge(orderId, cardToken);
    }

    /** The typed dispatcher. */
    static final class Jobs {
        private final Dispatcher dispatcher;

        Jobs(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        JobHandle sendReceipt(long orderId, String email) {
            return sendReceipt(orderId, email, DispatchOptions.none());
        }

        JobHandle sendReceipt(long orderId, String email, DispatchOptions options) {
            PayloadWriter out = PayloadWriter.open();
            out.field("orderId").writeLong(orderId);
            out.field("email").writeString(email);
            return dispatcher.dispatch(RECEIPT_TYPE, out.finish(), options);
        }

        JobHandle chargeCard(long orderId, String cardToken) {
            return chargeCard(orderId, cardToken, DispatchOptions.none());
        }

        JobHandle chargeCard(long orderId, String cardToken, DispatchOptions options) {
            PayloadWriter out = PayloadWriter.open();
            out.field("orderId").writeLong(orderId);
            out.field("cardToken").writeString(cardToken);
            return dispatcher.dispatch(CHARGE_TYPE, out.finish(), options);
        }
    }

    /** The component: one outbox per component, as a {@code @Singleton} would be. */
    static final class Component {
        final Dispatcher dispatcher;
        final Clock clock;
        private final List<String> outbox = new ArrayList<>();

        Component(Dispatcher dispatcher, Clock clock) {
            this.dispatcher = dispatcher;
            this.clock = clock;
        }

        Jobs jobs() {
            return new Jobs(dispatcher);
        }

        synchronized List<String> outbox() {
            return List.copyOf(outbox);
        }

        synchronized void send(String line) {
            outbox.add(line);
        }
    }

    /**
     * The dispatch table. A card token of {@code "flaky"} fails the first attempt, {@code "declined"}
     * every attempt, and {@code "again"} dispatches the same charge again every time it runs.
     */
    static final class Runner implements JobRunner {
        private final Component component;

        Runner(Component component) {
            this.component = component;
        }

        @Override
        public void run(String name, String payload, JobContext context) throws Exception {
            switch (name) {
                case "SendReceipt" -> {
                    Receipt receipt = decodeReceipt(payload);
                    component.send("receipt " + receipt.orderId() + " to " + receipt.email() + " at " + component.clock.instant());
                }
                case "ChargeCard" -> {
                    Charge charge = decodeCharge(payload);
                    if (charge.cardToken().equals("declined")
                            || (charge.cardToken().equals("flaky") && context.attempt() == 1)) {
                        throw new IllegalStateException("card " + charge.cardToken() + " refused on attempt " + context.attempt());
                    }
                    if (charge.cardToken().equals("again")) {
                        component.jobs().chargeCard(charge.orderId(), "again");
                        return;
                    }
                    component.send("charged " + charge.orderId() + " on attempt " + context.attempt());
                    component.jobs().sendReceipt(charge.orderId(), "guest@example.com");
                }
                case "CafeTasks.checkCoffeeMachine" -> component.send("coffee machine checked at " + component.clock.instant());
                case "CafeTasks.openingReport" -> component.send("opening report at " + component.clock.instant());
                default -> throw new UnknownJobException(name);
            }
        }
    }
}
