package dev.jtc.runtime.cli;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.worker.Worker;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the commands take from the world outside: the application, where to print, the
 * environment variables, the clock, how to open a broker and where to find resources. The real
 * process passes its own; tests pass string writers, a map, and a broker they can inspect.
 */
final class CliContext {

    final AppDefinition app;
    final PrintWriter out;
    final PrintWriter err;
    final Map<String, String> env;
    final Clock clock;
    final BrokerOpener brokers;
    final ClassLoader resources;
    final boolean handleSignals;
    final Consumer<Worker> workerStarted;

    CliContext(AppDefinition app, PrintWriter out, PrintWriter err, Map<String, String> env, Clock clock,
            BrokerOpener brokers, ClassLoader resources, boolean handleSignals, Consumer<Worker> workerStarted) {
        this.app = Objects.requireNonNull(app, "app");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.env = Map.copyOf(env);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.brokers = Objects.requireNonNull(brokers, "brokers");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.handleSignals = handleSignals;
        this.workerStarted = Objects.requireNonNull(workerStarted, "workerStarted");
    }

    /** The context of a real process: standard streams, real environment, system clock, signals. */
    static CliContext forProcess(AppDefinition app) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new CliContext(app, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                Clock.systemUTC(), BrokerOpener.STANDARD, loader != null ? loader : JtcCommandLine.class.getClassLoader(),
                true, worker -> {});
    }

    /** An environment variable, or {@code fallback} when unset or blank. */
    String env(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
