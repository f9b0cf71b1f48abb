package dev.jtc.runtime.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link RedisBroker} behaves beyond its URL and namespace: how long completed and cancelled
 * job records stay readable, how many connections it may open, and its network timeouts.
 * Immutable; each {@code with...} returns a copy.
 *
 * <pre>{@code
 * RedisBroker broker = RedisBroker.connect(url, "jtc", Clock.systemUTC(),
 *         RedisBrokerOptions.defaults().withCompletedRetention(Duration.ofMinutes(30)));
 * }</pre>
 */
public final class RedisBrokerOptions {

    private static final RedisBrokerOptions DEFAULTS = new RedisBrokerOptions(
            Duration.ofMinutes(5), 32, Duration.ofSeconds(2), Duration.ofSeconds(5), "jtc");

    private final Duration completedRetention;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final String clientName;

    private RedisBrokerOptions(Duration completedRetention, int poolSize, Duration connectTimeout,
            Duration socketTimeout, String clientName) {
        this.completedRetention = completedRetention;
        this.poolSize = poolSize;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.clientName = clientName;
    }

    /**
     * Completed records kept 5 minutes, at most 32 connections per pool, 2 s to connect, 5 s for
     * a reply, client name {@code jtc}.
     */
    public static RedisBrokerOptions defaults() {
        return DEFAULTS;
    }

    /** How long a completed or cancelled job's record (and so its status) stays readable. */
    public RedisBrokerOptions withCompletedRetention(Duration retention) {
        return new RedisBrokerOptions(positive("completedRetention", retention), poolSize, connectTimeout, socketTimeout, clientName);
    }

    /**
     * The most connections the broker opens for commands; as many again may be used for blocking
     * waits. Give a worker at least its concurrency plus a few.
     */
    public RedisBrokerOptions withPoolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        return new RedisBrokerOptions(completedRetention, poolSize, connectTimeout, socketTimeout, clientName);
    }

    /** How long to wait for a TCP (and TLS) connection to Redis. */
    public RedisBrokerOptions withConnectTimeout(Duration timeout) {
        return new RedisBrokerOptions(completedRetention, poolSize, positive("connectTimeout", timeout), socketTimeout, clientName);
    }

    /** How long to wait for a reply before the connection counts as lost. */
    public RedisBrokerOptions withSocketTimeout(Duration timeout) {
        return new RedisBrokerOptions(completedRetention, poolSize, connectTimeout, positive("socketTimeout", timeout), clientName);
    }

    /** The name the connections show in {@code CLIENT LIST}. */
    public RedisBrokerOptions withClientName(String clientName) {
        Objects.requireNonNull(clientName, "clientName");
        return new RedisBrokerOptions(completedRetention, poolSize, connectTimeout, socketTimeout, clientName);
    }

    public Duration completedRetention() {
        return completedRetention;
    }

    public int poolSize() {
        return poolSize;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration socketTimeout() {
        return socketTimeout;
    }

    public String clientName() {
        return clientName;
    }

    private static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "RedisBrokerOptions[completedRetention=" + completedRetention + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout + ", clientName=" + clientName + "]";
    }
}
