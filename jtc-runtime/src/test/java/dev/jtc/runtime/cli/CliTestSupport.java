package dev.jtc.runtime.cli;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.worker.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A hand-built application and a command line wired to strings and a broker the test can inspect. */
final class CliTestSupport {

    /** What the test application's jobs do when run. */
    @FunctionalInterface
    interface Handler {
        void handle(String payload, JobContext context) throws Exception;
    }

    static final JobType SEND_MAIL = new JobType("SendMail", "mail", 5, Duration.ofSeconds(30), Duration.ofMillis(1),
            Duration.ofMillis(5), "fp-mail", "userId:long,template:String",
            JobLimits.NONE.withRate(100, Duration.ofSeconds(1)).withLimitKey("userId"));
    static final JobType REBUILD_INDEX = new JobType("RebuildIndex", "default", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1),
            Duration.ofMillis(5), "fp-index", "");
    static final ScheduledTask HOURLY = ScheduledTask.cron("Reports.hourly", "0 * * * *", ZoneId.of("UTC"))
            .description("Hourly sales report").build();
    static final ScheduledTask MORNING = ScheduledTask.cron("Reports.morning", "0 9 * * MON-FRI", ZoneId.of("Europe/Berlin")).build();
    static final ScheduledTask PING = ScheduledTask.every("Health.ping", "30s", Duration.ofSeconds(30)).queue("maintenance").build();

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final Map<String, String> env = new HashMap<>();
    final Map<String, Handler> handlers = new HashMap<>();
    final List<BrokerOptions> openedWith = new ArrayList<>();
    String packageName = "com.acme.shop";
    List<JobType> jobTypes = List.of(SEND_MAIL, REBUILD_INDEX);
    List<ScheduledTask> tasks = List.of(HOURLY, MORNING, PING);
    ClassLoader resources = CliTestSupport.class.getClassLoader();
    Consumer<Worker> workerStarted = worker -> {};
    AppDefinition.PayloadValidator validator = AppDefinition.PayloadValidator.NONE;
    BrokerOpener opener;

    CliTestSupport(Broker broker) {
        Broker shared = unclosable(broker);
        this.opener = (options, clock, connections) -> {
            openedWith.add(options);
            return shared;
        };
    }

    AppDefinition app() {
        JobRunner runner = (name, payload, context) -> {
            Handler handler = handlers.get(name);
            if (handler == null) {
                throw new UnknownJobException(name);
            }
            handler.handle(payload, context);
        };
        return new AppDefinition("ShopApp", packageName, jobTypes, tasks, (dispatcher, clock, settings) -> runner, validator);
    }

    /**
     * The test application's payload validator, written as the generated {@code validatePayload}
     * and codecs are: SendMail takes {@code (long userId, String template)}, RebuildIndex nothing.
     */
    static void decodeWithCodecs(String name, String payload) throws PayloadException, UnknownJobException {
        switch (name) {
            case "SendMail" -> {
                PayloadReader in = PayloadReader.open(name, payload);
                while (in.nextField()) {
                    switch (in.fieldName()) {
                        case "userId" -> in.readLong();
                        case "template" -> in.readString();
                        default -> in.skipValue();
                    }
                }
                in.endObject("userId", "template");
            }
            case "RebuildIndex" -> {
                PayloadReader in = PayloadReader.open(name, payload);
                while (in.nextField()) {
                    in.skipValue();
                }
                in.endObject();
            }
            default -> throw new UnknownJobException(name);
        }
    }

    int run(Clock clock, String... args) {
        CliContext context = new CliContext(app(), new PrintWriter(out, true), new PrintWriter(err, true), env, clock, opener,
                resources, false, workerStarted);
        return JtcCommandLine.run(args, context);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    void reset() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }

    /** The shared broker, with {@code close()} made a no-op so each command's try-with-resources leaves it open. */
    static Broker unclosable(Broker broker) {
        return (Broker) Proxy.newProxyInstance(Broker.class.getClassLoader(), new Class<?>[] {Broker.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(broker, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
