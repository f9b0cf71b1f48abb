package dev.jtc.runtime.cli;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.redis.RedisBroker;
import java.time.Clock;

/** Opens the broker the options name; the one place the command line decides between Redis and memory. */
@FunctionalInterface
interface BrokerOpener {

    /** Redis through {@link RedisBroker#connect}, or a fresh {@link InMemoryBroker}. */
    BrokerOpener STANDARD = (options, clock, connections) -> switch (options.kind()) {
        case MEMORY -> new InMemoryBroker(clock);
        case REDIS -> RedisBroker.connect(options.redisUrl(), options.namespace(), clock, options.redisOptions(connections));
    };

    /**
     * Opens a broker.
     *
     * @param connections how many connections the caller may use at once (a worker: its concurrency plus a few)
     * @throws dev.jtc.runtime.broker.BrokerException with one line and a hint if it cannot be reached
     */
    Broker open(BrokerOptions options, Clock clock, int connections);
}
