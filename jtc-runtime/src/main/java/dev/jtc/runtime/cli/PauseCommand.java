package dev.jtc.runtime.cli;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.schedule.Names;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code pause <queue>...} and {@code resume <queue>...}: every worker stops taking jobs from a
 * paused queue (running jobs finish; producers still enqueue, scheduled jobs still come due) until
 * it is resumed. The flag lives in the broker, so it holds for workers started later too.
 */
abstract class PauseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "QUEUE", arity = "1..*", description = "The queues to pause or resume.")
    List<String> queues;

    @Mixin
    BrokerOptions brokerOptions;

    private final CliContext context;
    private final boolean pause;

    private PauseCommand(CliContext context, boolean pause) {
        this.context = context;
        this.pause = pause;
    }

    @Command(name = "pause", description = "Pause queues: workers take no jobs from them until 'resume'.")
    static final class Pause extends PauseCommand {
        Pause(CliContext context) {
            super(context, true);
        }
    }

    @Command(name = "resume", description = "Resume paused queues: workers take their jobs again at once.")
    static final class Resume extends PauseCommand {
        Resume(CliContext context) {
            super(context, false);
        }
    }

    @Override
    public Integer call() {
        for (String queue : queues) {
            try {
                Names.requireValid("queue", queue);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), "'stats' lists the queues there are");
            }
        }
        brokerOptions.resolveWith(context);
        WorkerOptions.warnAboutQueuesNotUsed(context, context.app, queues);
        try (Broker broker = brokerOptions.open(1)) {
            for (String queue : queues) {
                boolean changed = pause ? broker.pause(queue) : broker.resume(queue);
                context.out.println(message(queue, changed));
            }
        }
        context.out.flush();
        return JtcCommandLine.EXIT_OK;
    }

    private String message(String queue, boolean changed) {
        if (pause) {
            return changed ? "queue '" + queue + "' paused: workers take no jobs from it until 'resume " + queue + "'"
                    : "queue '" + queue + "' was paused already";
        }
        return changed ? "queue '" + queue + "' resumed: workers take its jobs again" : "queue '" + queue + "' was not paused";
    }
}
