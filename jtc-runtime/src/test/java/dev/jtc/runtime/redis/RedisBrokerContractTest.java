package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerContractTest;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import redis.clients.jedis.Jedis;

/** The broker contract, against a real redis-server of this class's own. */
class RedisBrokerContractTest extends BrokerContractTest {

    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static RedisServerProcess server;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @Override
    protected Broker createBroker(Clock clock) {
        // A namespace per test as well, so that a leftover of one test could never satisfy another.
        return RedisBroker.connect(server.url(), "contract" + NAMESPACES.incrementAndGet(), clock);
    }

    @Override
    protected void cleanUp() {
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            jedis.flushAll();
        }
    }
}
