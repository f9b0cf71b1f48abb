package dev.jtc.bench;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.redis.RedisBrokerOptions;
import java.time.Clock;
import redis.clients.jedis.Jedis;

/**
 * Gives {@link JtcSystem} a fresh broker for each phase and wipes what the phase left behind, so
 * the same phases run over Redis and over the in-memory broker.
 */
interface BrokerSource extends AutoCloseable {

    /** A broker with empty queues. */
    Broker open();

    /** Forgets what the last phase left (the broker it used is closed by then). */
    void wipe();

    @Override
    default void close() {}

    /** A {@link RedisBroker} on the driver's private server; a phase ends with {@code FLUSHALL}. */
    static BrokerSource redis(int port, Clock clock) {
        return redis(port, clock, RedisBrokerOptions.defaults());
    }

    /** The same with {@code options}, such as the history switched off. */
    static BrokerSource redis(int port, Clock clock, RedisBrokerOptions options) {
        Jedis admin = RedisFloor.connect(port);
        return new BrokerSource() {
            @Override
            public Broker open() {
                return RedisBroker.connect("redis://127.0.0.1:" + port, "bench", clock, options);
            }

            @Override
            public void wipe() {
                admin.flushAll();
            }

            @Override
            public void close() {
                admin.close();
            }
        };
    }

    /** A new {@link InMemoryBroker} per phase; the old one is left to the garbage collector. */
    static BrokerSource inMemory(Clock clock) {
        return new BrokerSource() {
            @Override
            public Broker open() {
                return new InMemoryBroker(clock);
            }

            @Override
            public void wipe() {
                System.gc(); // the last phase's jobs are garbage now; collect them outside the next phase's window
            }
        };
    }
}
