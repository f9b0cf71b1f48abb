package dev.jtc.sample;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample application wired as the generated worker wires it (broker, dispatcher, Dagger
 * component, generated dispatch table, worker), with the test component in place of the
 * generated one so that tests can look at the shop's singletons.
 */
final class RunningShop implements AutoCloseable {

    /** Every queue the application's jobs and tasks use, as the worker must listen to them. */
    static final List<String> QUEUES = Stream.concat(ShopAppJobs.JOB_TYPES.stream(),
                    ShopAppScheduleRegistry.TASKS.stream().map(ScheduledTask::jobType))
            .map(JobType::queue)
            .distinct()
            .sorted()
            .toList();

    final Broker broker;
    final TestShopComponent component;
    final JobEvents events = new JobEvents();
    private final Worker worker;

    private RunningShop(Broker broker, Clock clock, Settings settings, boolean scheduler) {
        this.broker = broker;
        this.component = DaggerTestShopComponent.factory().create(new BrokerDispatcher(broker, clock), clock, settings);
        WorkerConfig config = WorkerConfig.builder()
                .queues(QUEUES)
                .concurrency(4)
                .schedulerEnabled(scheduler)
                .shutdownGrace(Duration.ofSeconds(5))
                .build();
        this.worker = new Worker(broker, new ShopAppJobRunner(component), ShopAppJobs.JOB_TYPES,
                ShopAppScheduleRegistry.TASKS, config, clock);
        worker.addListener(events);
    }

    /** The shop on an in-memory broker and the system clock, its worker running, no scheduler. */
    static RunningShop inMemory(Settings settings) {
        return start(new InMemoryBroker(Clock.systemUTC()), Clock.systemUTC(), settings, false);
    }

    /** The shop on {@code broker}, its worker running (with the scheduler if asked). */
    static RunningShop start(Broker broker, Clock clock, Settings settings, boolean scheduler) {
        RunningShop shop = new RunningShop(broker, clock, settings, scheduler);
        shop.worker.start();
        return shop;
    }

    ShopAppJobs jobs() {
        return component.jobs();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(Duration.ofSeconds(10))) {
                throw new AssertionError("the worker did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the worker was stopping", e);
        } finally {
            broker.close();
        }
    }
}
