package dev.jtc.runtime.redis;

import dev.jtc.runtime.testing.RedisServerProcess;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;

/**
 * The Redis a test class talks to: a private {@code redis-server} started before the class and
 * stopped after it, and per test the brokers and plain connections it opens here, closed after
 * the test, when the server is also flushed so the next test starts empty. The class's own
 * {@code @AfterEach} methods run first, so they may still use what was opened here.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisFixture redis = new RedisFixture();
 *
 * private final RedisBroker broker = redis.broker("jtc", clock);  // a new one for each test
 * private final Jedis jedis = redis.jedis();
 * }</pre>
 */
public final class RedisFixture implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final List<AutoCloseable> openForTest = new ArrayList<>();
    private RedisServerProcess server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServerProcess.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (AutoCloseable open : openForTest) {
                open.close();
            }
        } finally {
            openForTest.clear();
            try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
                jedis.flushAll();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The server, to stop, kill or restart it. */
    public RedisServerProcess server() {
        return server;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    /** A broker on the server under {@code namespace}, closed after the test. */
    public RedisBroker broker(String namespace, Clock clock) {
        return closedAfterTheTest(RedisBroker.connect(server.url(), namespace, clock));
    }

    /** A broker on the server under {@code namespace} with {@code options}, closed after the test. */
    public RedisBroker broker(String namespace, Clock clock, RedisBrokerOptions options) {
        return closedAfterTheTest(RedisBroker.connect(server.url(), namespace, clock, options));
    }

    /** A plain connection, for writing and reading keys as another program would; closed after the test. */
    public Jedis jedis() {
        return closedAfterTheTest(new Jedis("127.0.0.1", server.port()));
    }

    private <T extends AutoCloseable> T closedAfterTheTest(T resource) {
        openForTest.add(resource);
        return resource;
    }
}
