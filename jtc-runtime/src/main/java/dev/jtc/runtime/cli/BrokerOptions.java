package dev.jtc.runtime.cli;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.redis.RedisBrokerOptions;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a broker shares ({@code work}, {@code enqueue},
 * {@code stats}, {@code failed}). Unset options fall back to {@code JTC_BROKER},
 * {@code JTC_REDIS_URL} and {@code JTC_NAMESPACE}, then to the defaults; the rest of the Redis
 * settings (TLS certificates, payload limit) come from the environment only (see {@link #redisOptions}).
 */
final class BrokerOptions {

    /** Which broker to use. */
    enum Kind {
        REDIS, MEMORY;

        static Kind parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown broker '" + text + "'", "use --broker redis or --broker memory (or JTC_BROKER)");
            }
        }
    }

    static final String DEFAULT_REDIS_URL = "redis://localhost:6379";
    static final String DEFAULT_NAMESPACE = "jtc";

    @Option(names = "--broker", paramLabel = "redis|memory",
            description = "Where jobs are kept: redis (env JTC_BROKER, default redis) or memory (this process only).")
    String broker;

    @Option(names = "--redis-url", paramLabel = "URL",
            description = "redis://[user:password@]host[:port][/db] or rediss:// (env JTC_REDIS_URL, default " + DEFAULT_REDIS_URL + ").")
    String redisUrl;

    @Option(names = "--namespace", paramLabel = "PREFIX",
            description = "Prefix of every Redis key (env JTC_NAMESPACE, default " + DEFAULT_NAMESPACE + ").")
    String namespace;

    private CliContext context;

    /** Binds the options to the environment they fall back to. */
    BrokerOptions resolveWith(CliContext context) {
        this.context = context;
        return this;
    }

    Kind kind() {
        return Kind.parse(broker != null ? broker : context.env("JTC_BROKER", "redis"));
    }

    String redisUrl() {
        return redisUrl != null ? redisUrl : context.env("JTC_REDIS_URL", DEFAULT_REDIS_URL);
    }

    String namespace() {
        return namespace != null ? namespace : context.env("JTC_NAMESPACE", DEFAULT_NAMESPACE);
    }

    /**
     * The Redis broker's options: TLS certificates, payload limit and completed retention from
     * {@code JTC_REDIS_CA}, {@code JTC_REDIS_CLIENT_CERT}/{@code JTC_REDIS_CLIENT_KEY},
     * {@code JTC_MAX_PAYLOAD_BYTES} and {@code JTC_COMPLETED_RETENTION}, and a pool with room for
     * {@code connections}.
     */
    RedisBrokerOptions redisOptions(int connections) {
        RedisBrokerOptions options;
        try {
            options = RedisBrokerOptions.fromEnvironment(context.env);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), "see 'Environment variables' in docs/cli.md");
        }
        return options.withPoolSize(Math.max(options.poolSize(), connections));
    }

    /**
     * Opens the broker these options name for a command that may use {@code connections} at once.
     * A URL or namespace that does not parse is a usage error; a Redis that does not answer is a
     * {@link BrokerException} (the command failed).
     */
    Broker open(int connections) {
        try {
            return context.brokers.open(this, context.clock, connections);
        } catch (BrokerException e) {
            throw asUsageError(e);
        }
    }

    /** A Redis broker of its own, for {@code check}, which reads Redis itself whatever broker the other commands open. */
    RedisBroker openRedis(int connections) {
        try {
            return RedisBroker.connect(redisUrl(), namespace(), context.clock, redisOptions(connections));
        } catch (BrokerException e) {
            throw asUsageError(e);
        }
    }

    /** {@link RedisBroker#connect} reports a URL or namespace it cannot parse as a BrokerException caused by an IllegalArgumentException. */
    private static RuntimeException asUsageError(BrokerException e) {
        return e.getCause() instanceof IllegalArgumentException ? new UsageException(e.getMessage(),
                "write the URL as redis://[user:password@]host[:port][/db] or rediss://...") : e;
    }

    /**
     * Warns that {@code --broker memory} reaches no worker: outside {@code work} and {@code demo}
     * it is this process's own, empty broker.
     */
    void warnIfPrivate(CliContext context, String command) {
        if (kind() == Kind.MEMORY) {
            context.err.println("note: with --broker memory, " + command + " sees only this process's own empty broker;"
                    + " use --broker redis to reach the workers");
        }
    }

    /** Where the jobs are, for messages: the Redis URL without its password, or "memory". */
    String describe() {
        if (kind() == Kind.MEMORY) {
            return "the in-memory broker";
        }
        return redisUrl().replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@") + " (namespace " + namespace() + ")";
    }
}
