package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerState;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code work} and {@code demo}: the commands that run a real worker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerCommandsTest {

    private final Clock clock = Clock.systemUTC();
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void workRunsJobsUntilTheWorkerIsShutDown() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        cli.handlers.put("SendMail", (payload, ctx) -> ran.countDown());
        cli.env.put("JTC_CONCURRENCY", "3");
        cli.env.put("JTC_QUEUES", "mail:2,default");
        AtomicReference<WorkerConfig> config = new AtomicReference<>();
        AtomicReference<JobHandle> handle = new AtomicReference<>();
        cli.workerStarted = worker -> {
            config.set(worker.config());
            handle.set(new BrokerDispatcher(broker, clock).dispatch(CliTestSupport.SEND_MAIL, "{}", DispatchOptions.none()));
            Thread stopper = new Thread(() -> {
                try {
                    ran.await(10, TimeUnit.SECONDS);
                    awaitStatus(handle.get(), JobState.COMPLETED);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                worker.shutdown(Duration.ofSeconds(5));
            });
            stopper.start();
        };

        int exit = cli.run(clock, "work", "--no-scheduler");

        assertEquals(0, exit, cli.err());
        assertEquals(Optional.of(JobState.COMPLETED), handle.get().status());
        assertEquals(3, config.get().concurrency());
        assertEquals(List.of("mail", "default"), config.get().queueNames());
        assertTrue(config.get().weighted());
        assertTrue(!config.get().schedulerEnabled());
        String out = cli.out();
        assertTrue(out.startsWith("ShopApp: connecting to redis://localhost:6379 (namespace jtc)\n"), out);
        assertTrue(out.contains("running: queues [mail, default] (weighted mail:2,default:1), concurrency 3, 3 scheduled tasks"
                + " (scheduler off); Ctrl-C or SIGTERM to stop"), out);
        assertTrue(out.contains(" stopped\n"), out);
        assertEquals(List.of(), broker.workers(), "the worker unregistered");
    }

    @Test
    void workSetsHowFastDeadWorkersJobsAreRecovered() throws Exception {
        AtomicReference<WorkerConfig> config = new AtomicReference<>();
        cli.workerStarted = worker -> {
            config.set(worker.config());
            worker.shutdown(Duration.ZERO);
        };

        assertEquals(0, cli.run(clock, "work", "--heartbeat-ttl", "6s", "--recovery-interval", "5s", "--max-recoveries", "1"),
                cli.err());

        assertEquals(Duration.ofSeconds(6), config.get().heartbeatTtl());
        assertEquals(Duration.ofSeconds(2), config.get().heartbeatInterval());
        assertEquals(Duration.ofSeconds(5), config.get().recoveryInterval());
        assertEquals(1, config.get().maxRecoveries());
    }

    @Test
    void workKeepsTheRecoveryDefaultsUnlessTold() throws Exception {
        AtomicReference<WorkerConfig> config = new AtomicReference<>();
        cli.workerStarted = worker -> {
            config.set(worker.config());
            worker.shutdown(Duration.ZERO);
        };

        assertEquals(0, cli.run(clock, "work"), cli.err());

        assertEquals(Duration.ofSeconds(15), config.get().heartbeatTtl());
        assertEquals(Duration.ofSeconds(15), config.get().recoveryInterval());
        assertEquals(3, config.get().maxRecoveries());
    }

    @Test
    void workByDefaultListensToEveryQueueOfTheApplication() throws Exception {
        AtomicReference<WorkerConfig> config = new AtomicReference<>();
        AtomicReference<WorkerState> state = new AtomicReference<>();
        cli.workerStarted = worker -> {
            config.set(worker.config());
            state.set(worker.state());
            worker.shutdown(Duration.ZERO);
        };

        assertEquals(0, cli.run(clock, "--concurrency", "2"));

        assertEquals(List.of("mail", "default", "maintenance"), config.get().queueNames());
        assertEquals(2, config.get().concurrency());
        assertEquals(WorkerState.RUNNING, state.get());
    }

    @Test
    void workWarnsAboutAQueueTheApplicationDoesNotUseAndListensAllTheSame() throws Exception {
        AtomicReference<WorkerConfig> config = new AtomicReference<>();
        cli.workerStarted = worker -> {
            config.set(worker.config());
            worker.shutdown(Duration.ZERO);
        };

        assertEquals(0, cli.run(clock, "work", "--queues", "mial,default,bulk"), "a warning, not an error");

        assertEquals(List.of("mial", "default", "bulk"), config.get().queueNames(), "it listens to them all");
        assertEquals("warning: no job or task of ShopApp uses queues 'mial' (did you mean 'mail'?) and 'bulk'"
                + " (its queues: mail, default, maintenance); only jobs dispatched there with an explicit queue"
                + " (enqueue --queue, DispatchOptions.withQueue) will arrive\n", cli.err());
    }

    @Test
    void workWarnsAboutAQueueFromTheEnvironmentTooButNotAboutItsOwnQueues() throws Exception {
        cli.workerStarted = worker -> worker.shutdown(Duration.ZERO);
        cli.env.put("JTC_QUEUES", "reports:2,mail");

        assertEquals(0, cli.run(clock, "work"));
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("warning: no job or task of ShopApp uses queue 'reports' (its queues: mail, default,"
                + " maintenance); only jobs dispatched there"), cli.err());

        cli.reset();
        cli.env.put("JTC_QUEUES", "maintenance,mail:3,default");
        assertEquals(0, cli.run(clock, "work"));
        assertEquals("", cli.err(), "every queue is one a job or task uses");
    }

    @Test
    void workWithABadQueueListIsOneLine() {
        assertEquals(2, cli.run(clock, "work", "--queues", "mail:x"));
        assertEquals("error: queue weight 'x' of 'mail' is not a whole number: write e.g. mail:3,default:1\n"
                + "hint: run 'ShopApp work --help' for the options\n", cli.err());
    }

    @Test
    void workWithABadConcurrencyVariableSaysWhatToSet() {
        cli.env.put("JTC_CONCURRENCY", "ten");
        assertEquals(2, cli.run(clock, "work"));
        assertEquals("error: JTC_CONCURRENCY='ten' is not a whole number\nhint: set e.g. JTC_CONCURRENCY=10\n", cli.err());
    }

    @Test
    void demoRunsTheResourceAndOptionJobsAndATickThenStops(@TempDir Path resources) throws Exception {
        Files.writeString(resources.resolve("jtc-demo.jobs"), """
                # demo jobs of the test application
                SendMail {"userId":42,"template":"welcome"}

                RebuildIndex
                """);
        AtomicInteger mails = new AtomicInteger();
        AtomicInteger ticks = new AtomicInteger();
        cli.handlers.put("SendMail", (payload, ctx) -> {
            if (ctx.attempt() == 1 && payload.contains("\"userId\":7")) {
                throw new IllegalStateException("mail server busy");
            }
            mails.incrementAndGet();
        });
        cli.handlers.put("RebuildIndex", (payload, ctx) -> {});
        cli.handlers.put("Health.every", (payload, ctx) -> ticks.incrementAndGet());
        cli.tasks = List.of(ScheduledTask.every("Health.every", "200ms", Duration.ofMillis(200)).build());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            cli.resources = loader;
            int exit = cli.run(clock, "demo", "--job", "SendMail={\"userId\":7}", "--max-wait", "20s");

            assertEquals(0, exit, cli.out() + cli.err());
        }
        String out = cli.out();
        assertEquals(2, mails.get());
        assertTrue(ticks.get() >= 1);
        assertTrue(out.startsWith("ShopApp demo: an in-memory broker and one worker"), out);
        assertTrue(out.contains("3 demo jobs, 1 scheduled tasks"), out);
        assertTrue(out.contains("[retry]  SendMail"), out);
        assertTrue(out.contains("attempt 1 failed: java.lang.IllegalStateException: mail server busy; next attempt in"), out);
        assertTrue(out.contains("[done]   RebuildIndex"), out);
        assertTrue(out.contains("[tick]   Health.every"), out);
        assertTrue(out.contains("Demo jobs: 3 completed, 0 failed, 0 still pending"), out);
        assertTrue(out.contains("Scheduled tasks\nNAME"), out);
    }

    @Test
    void demoExitsWithOneWhenADemoJobFails() {
        cli.tasks = List.of();
        cli.handlers.put("RebuildIndex", (payload, ctx) -> {
            throw new IllegalStateException("disk full");
        });

        int exit = cli.run(clock, "demo", "--job", "RebuildIndex", "--max-wait", "20s");

        assertEquals(1, exit, cli.out());
        assertTrue(cli.out().contains("[failed] RebuildIndex"), cli.out());
        assertTrue(cli.out().contains("java.lang.IllegalStateException: disk full"), cli.out());
        assertTrue(cli.out().contains("Demo jobs: 0 completed, 1 failed, 0 still pending"), cli.out());
    }

    @Test
    void demoRefusesAnUnknownJobNamingWhereItWasWritten(@TempDir Path resources) throws Exception {
        Files.writeString(resources.resolve("jtc-demo.jobs"), "SendMail {}\nSendMial {}\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null)) {
            cli.resources = loader;
            assertEquals(1, cli.run(clock, "demo"));
        }
        assertEquals("error: jtc-demo.jobs line 2: unknown job 'SendMial' in ShopApp; did you mean 'SendMail'?\n", cli.err());
    }

    @Test
    void demoRefusesAnUnknownJobOptionAsAUsageError() {
        assertEquals(2, cli.run(clock, "demo", "--job", "RebuildIdx"));
        assertEquals("error: --job RebuildIdx: unknown job 'RebuildIdx' in ShopApp\nhint: did you mean 'RebuildIndex'?\n", cli.err());
    }

    @Test
    void demoJobsFileFormat() {
        List<DemoJobs.DemoJob> jobs = DemoJobs.parse("""
                # comment
                  SendMail   {"userId": 1}
                RebuildIndex

                Other\t{"a":[1, 2]}
                """, "jtc-demo.jobs");
        assertEquals(List.of(new DemoJobs.DemoJob("SendMail", "{\"userId\": 1}", "jtc-demo.jobs line 2"),
                new DemoJobs.DemoJob("RebuildIndex", "{}", "jtc-demo.jobs line 3"),
                new DemoJobs.DemoJob("Other", "{\"a\":[1, 2]}", "jtc-demo.jobs line 5")), jobs);
        assertEquals(new DemoJobs.DemoJob("SendMail", "{\"x\":1}", "--job SendMail={\"x\":1}"), DemoJobs.fromOption("SendMail={\"x\":1}"));
    }

    private static void awaitStatus(JobHandle handle, JobState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!handle.status().equals(Optional.of(state)) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
