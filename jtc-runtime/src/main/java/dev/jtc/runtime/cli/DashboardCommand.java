package dev.jtc.runtime.cli;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.dashboard.Dashboard;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dashboard}: serves the web dashboard over the broker until SIGTERM or Ctrl-C. Bound to
 * 127.0.0.1 unless {@code --host} says otherwise, since its buttons change jobs.
 */
@Command(name = "dashboard", description = "Serve the web dashboard: queues, workers, failed jobs (retry/delete), schedules.")
final class DashboardCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions brokerOptions;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; anything else exposes the buttons to the network).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    private final CliContext context;

    DashboardCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port " + port + " is not a port", "use 1 to 65535, or 0 for a free one");
        }
        brokerOptions.resolveWith(context).warnIfPrivate(context, "dashboard");
        CountDownLatch stop = new CountDownLatch(1);
        try (Broker broker = brokerOptions.open(4);
                Dashboard dashboard = Dashboard.start(broker, context.app, context.clock, host, port)) {
            if (context.handleSignals) {
                SignalHandling.install(signal -> stop.countDown(), signal -> Runtime.getRuntime().halt(130));
            }
            context.out.println("dashboard of " + context.app.name() + " " + dashboard.listening()
                    + " over " + brokerOptions.describe() + "; Ctrl-C to stop");
            if (dashboard.onAllInterfaces()) {
                context.out.println("note: it has no login and its buttons change jobs: anyone who reaches this host on port "
                        + dashboard.address().getPort() + " can use them");
            }
            context.out.flush();
            stop.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
