package dev.jtc.runtime.cli;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT for a running worker: the first asks for a graceful shutdown, the second
 * stops the process at once. Shutdown hooks cannot do this (they never see a second signal), so
 * this uses {@code sun.misc.Signal}, which the JDK keeps for exactly this purpose.
 */
final class SignalHandling {

    private SignalHandling() {}

    /**
     * Installs the handlers; signals the platform does not support are left alone.
     *
     * @param first runs on the first signal, with its name (TERM or INT)
     * @param second runs on any later signal
     */
    static void install(java.util.function.Consumer<String> first, java.util.function.Consumer<String> second) {
        AtomicInteger received = new AtomicInteger();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received.incrementAndGet() == 1) {
                        first.accept(signal.getName());
                    } else {
                        second.accept(signal.getName());
                    }
                });
            } catch (IllegalArgumentException unsupported) {
                // e.g. a JVM started with -Xrs, or a platform without this signal: the default stays.
            }
        }
    }
}
