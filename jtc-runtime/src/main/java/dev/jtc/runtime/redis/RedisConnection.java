package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.BrokerException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The broker's connections to one Redis server, and the one place where Jedis exceptions become
 * {@link BrokerException}s naming the operation. Commands and scripts share one pool; blocking
 * waits ({@code BLPOP}) take connections from a second pool so that a worker waiting for jobs
 * never holds up acknowledgements.
 *
 * <p>Interrupts: a thread blocked reading a socket does not notice {@link Thread#interrupt}, so
 * {@link #blockInterruptibly} runs the blocking command on a waiter thread and lets the caller
 * wait on it interruptibly (see there).
 *
 * <p>Lost connections: a broken connection is dropped and the pool's idle connections are cleared,
 * so the next call dials afresh. Operations that are safe to run twice are retried once at once
 * (that absorbs the stale connections left by a Redis restart); anything else surfaces as a
 * {@link BrokerException} and the caller (the worker) backs off and calls again.
 */
final class RedisConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisConnection.class);

    /** {@code CLIENT ID} gave no id (an ACL forbids it, or the server lacks it): blocked calls then just run out. */
    private static final long NO_CLIENT_ID = -1;

    private final RedisUrl url;
    private final JedisPool pool;
    private final JedisPool blockingPool;
    private final ExecutorService waiters = Executors.newCachedThreadPool(new WaiterThreads());
    /** The server's id of each blocking connection, asked once per connection, to unblock it by. */
    private final Map<Jedis, Long> clientIds = Collections.synchronizedMap(new WeakHashMap<>());

    private RedisConnection(RedisUrl url, JedisPool pool, JedisPool blockingPool) {
        this.url = url;
        this.pool = pool;
        this.blockingPool = blockingPool;
    }

    /**
     * Connects, checks that the server answers, accepts the login and is Redis 6.2 or newer, and
     * loads the scripts. Every failure is a {@link BrokerException} with one line and a hint.
     */
    static RedisConnection open(RedisUrl url, RedisBrokerOptions options) {
        DefaultJedisClientConfig.Builder builder = DefaultJedisClientConfig.builder();
        if (url.tls() && options.hasCustomTls()) {
            try {
                builder.sslSocketFactory(RedisTls.socketFactory(options));
            } catch (IllegalStateException e) {
                throw new BrokerException(e.getMessage(), e);
            }
        } else if (options.hasCustomTls()) {
            LOG.warn("TLS certificates are configured but {} is not a rediss:// URL; connecting without TLS", url.redacted());
        }
        JedisClientConfig config = builder
                .user(url.user())
                .password(url.password())
                .database(url.database())
                .ssl(url.tls())
                .connectionTimeoutMillis(millis(options.connectTimeout()))
                .socketTimeoutMillis(millis(options.socketTimeout()))
                // A blocking wait is at most RedisBroker's longest slice; a server that stays silent
                // far longer than that is gone, and the caller must hear about it.
                .blockingSocketTimeoutMillis(millis(options.socketTimeout().plus(RedisBroker.LONGEST_BLOCK)))
                .clientName(options.clientName())
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .autoNegotiateProtocol(false) // RESP2: what the scripts' replies are read as
                .build();
        HostAndPort address = new HostAndPort(url.host(), url.port());
        JedisPool pool = new JedisPool(poolConfig(options.poolSize()), address, config);
        JedisPool blockingPool = new JedisPool(poolConfig(options.poolSize()), address, config);
        RedisConnection connection = new RedisConnection(url, pool, blockingPool);
        try (Jedis jedis = pool.getResource()) {
            jedis.ping();
            RedisVersion.require(jedis.info("server"), url.redacted());
            connection.loadScripts(jedis);
            return connection;
        } catch (RuntimeException e) {
            connection.close();
            throw connection.startFailure(e);
        }
    }

    private BrokerException startFailure(RuntimeException e) {
        if (e instanceof IllegalStateException) {
            return new BrokerException(e.getMessage(), e);
        }
        if (isLoginFailure(e)) {
            return new BrokerException("Redis at " + url.redacted() + " refused the login (" + firstLine(e.getMessage())
                    + "); check the user and password in the URL, e.g. redis://user:password@host:6379", e);
        }
        if (e instanceof JedisConnectionException && url.tls() && !(underlying(e) instanceof ConnectException)) {
            // A server that refuses our certificate may only hang up after the handshake (TLS 1.3):
            // any failure on a TCP connection that did open gets the TLS checklist.
            String what = isTlsFailure(e) ? "TLS handshake with Redis at " + url.redacted() + " failed ("
                    : "cannot talk to Redis at " + url.redacted() + " over TLS (";
            return new BrokerException(what + rootCause(e) + "); check that the server speaks TLS on this port and that"
                    + " the URL's host name is in its certificate, set " + RedisBrokerOptions.ENV_CA
                    + " to the CA file that signed it, and " + RedisBrokerOptions.ENV_CLIENT_CERT + "/"
                    + RedisBrokerOptions.ENV_CLIENT_KEY + " if it asks for client certificates", e);
        }
        if (e instanceof JedisConnectionException) {
            return new BrokerException("cannot reach Redis at " + url.redacted() + " (" + rootCause(e)
                    + "); start one with: redis-server --port " + url.port() + ", or set JTC_REDIS_URL"
                    + (underlying(e) instanceof ConnectException ? "" : " (or use rediss:// if the server only speaks TLS)"), e);
        }
        return new BrokerException("cannot use Redis at " + url.redacted() + ": " + firstLine(e.getMessage()), e);
    }

    /** A handshake that failed (untrusted certificate, wrong host name, no client certificate, not TLS at all). */
    private static boolean isTlsFailure(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("ssl/tls hostname verification")) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean isLoginFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisAccessControlException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof JedisDataException && message != null
                    && (message.startsWith("WRONGPASS") || message.startsWith("NOAUTH") || message.contains("invalid password"))) {
                return true;
            }
        }
        return false;
    }

    RedisUrl url() {
        return url;
    }

    /**
     * Runs {@code call} on a pooled connection. {@code idempotent} operations are retried once on
     * a fresh connection if the first one turned out to be broken.
     */
    <T> T run(String operation, boolean idempotent, Function<Jedis, T> call) {
        for (int attempt = 1; ; attempt++) {
            T result;
            try (Jedis jedis = pool.getResource()) {
                result = call.apply(jedis);
            } catch (JedisConnectionException e) {
                pool.clear();
                if (idempotent && attempt == 1) {
                    LOG.debug("{}: connection to {} broken ({}); retrying on a new one", operation, url, rootCause(e));
                    continue;
                }
                throw lostConnection(operation, e);
            } catch (JedisException e) {
                throw failed(operation, e);
            }
            if (result instanceof RedisReplies.ScriptError error) {
                throw error.toException(operation, url);
            }
            return result;
        }
    }

    /** Runs a blocking command on a connection of its own, on the calling thread. */
    private <T> T block(String operation, Function<Jedis, T> call) {
        try (Jedis jedis = blockingPool.getResource()) {
            return call.apply(jedis);
        } catch (JedisConnectionException e) {
            blockingPool.clear();
            throw lostConnection(operation, e);
        } catch (JedisException e) {
            throw failed(operation, e);
        }
    }

    /**
     * Runs a blocking command as {@link #block} does, on a waiter thread, and waits for it in a way
     * that {@link Thread#interrupt} ends at once. The blocked connection is then released with
     * {@code CLIENT UNBLOCK}, which makes the command return as if its timeout had run out, so the
     * connection goes back to the pool healthy and nothing it would have popped is lost. Whatever
     * the command still returns after the caller left (it may have completed just then) goes to
     * {@code lateResult}, on the waiter thread. Where {@code CLIENT UNBLOCK} is not allowed, or
     * comes before the command reached the server, the command simply runs out its (short) timeout.
     *
     * @throws InterruptedException as soon as the calling thread is interrupted
     */
    <T> T blockInterruptibly(String operation, Function<Jedis, T> call, Consumer<T> lateResult) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException(operation + " interrupted");
        }
        BlockedCall blocked = new BlockedCall();
        CompletableFuture<T> reply;
        try {
            reply = CompletableFuture.supplyAsync(
                    () -> block(operation, jedis -> blocked.start(clientId(jedis)) ? call.apply(jedis) : null), waiters);
        } catch (RejectedExecutionException e) {
            throw new BrokerException(operation + " failed: the broker's connection to Redis at " + url.redacted()
                    + " is closed", e);
        }
        try {
            return reply.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new BrokerException(operation + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            long clientId = blocked.cancel();
            if (clientId != BlockedCall.NOT_STARTED && clientId != NO_CLIENT_ID) {
                unblock(operation, clientId);
            }
            reply.whenComplete((value, error) -> {
                if (value != null) {
                    lateResult.accept(value);
                }
            });
            throw e;
        }
    }

    private long clientId(Jedis jedis) {
        Long known = clientIds.get(jedis);
        if (known != null) {
            return known;
        }
        long id;
        try {
            id = jedis.clientId();
        } catch (JedisConnectionException e) {
            throw e;
        } catch (RuntimeException e) {
            // An ACL that forbids CLIENT, or a Redis-compatible server or proxy without it: not worth failing a wait for.
            LOG.debug("Redis at {} does not answer CLIENT ID ({}); interrupted waits run out their timeout instead",
                    url.redacted(), firstLine(e.getMessage()));
            id = NO_CLIENT_ID;
        }
        clientIds.put(jedis, id);
        return id;
    }

    private void unblock(String operation, long clientId) {
        try {
            run("unblock " + operation, true, jedis -> jedis.clientUnblock(clientId));
        } catch (BrokerException e) {
            LOG.debug("could not unblock {} (client {}): {}; it runs out its timeout instead", operation, clientId,
                    e.getMessage());
        }
    }

    /**
     * The hand-over between a waiter thread about to block and a caller that may stop waiting
     * first: a call cancelled before it started never blocks, and one cancelled after it started
     * names the connection to unblock.
     */
    private static final class BlockedCall {
        static final long NOT_STARTED = 0; // Redis client ids start at 1

        private long clientId = NOT_STARTED;
        private boolean cancelled;

        /** False if the caller already left, in which case the command must not be sent. */
        synchronized boolean start(long id) {
            if (cancelled) {
                return false;
            }
            clientId = id;
            return true;
        }

        /** The blocked connection's client id, {@link #NOT_STARTED} if the command was not sent yet. */
        synchronized long cancel() {
            cancelled = true;
            return clientId;
        }
    }

    /** Daemon threads for blocking waits, named so that a thread dump shows what they are. */
    private static final class WaiterThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "jtc-redis-wait-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    BrokerException lostConnection(String operation, JedisConnectionException e) {
        return new BrokerException(operation + " failed: lost the connection to Redis at " + url.redacted() + " ("
                + rootCause(e) + "); the call can be repeated once Redis is back", e);
    }

    private BrokerException failed(String operation, JedisException e) {
        return new BrokerException(operation + " failed: Redis at " + url.redacted() + " answered: " + firstLine(e.getMessage()), e);
    }

    /**
     * Runs one script, loading the scripts again first if the server no longer has them. An error
     * reply comes back as a {@link RedisReplies.ScriptError}, which {@link #run} turns into the
     * exception for its operation.
     */
    Object eval(Jedis jedis, ScriptCall call) {
        return evalAll(jedis, List.of(call), pipeline -> List.of()).get(0);
    }

    /**
     * Runs several scripts in one round trip, after {@code sideCommands} (idempotent writes such as
     * registering a queue name) in the same pipeline. Results come back in order; a script that
     * answered with an error reply (a jtc script refusing a key of the wrong type) has a
     * {@link RedisReplies.ScriptError} in its place, so that the others' results are not lost
     * (read them with {@link RedisReplies#orThrow}). A script the server did not know
     * ({@code NOSCRIPT}) did not run, so it is sent again after loading.
     */
    List<Object> evalAll(Jedis jedis, List<ScriptCall> calls, Function<Pipeline, List<Response<?>>> sideCommands) {
        List<Object> results = new ArrayList<>(calls.size());
        List<Integer> missing = new ArrayList<>();
        List<Response<?>> side;
        List<Response<Object>> responses = new ArrayList<>(calls.size());
        Pipeline pipeline = jedis.pipelined();
        side = sideCommands.apply(pipeline);
        for (ScriptCall call : calls) {
            responses.add(pipeline.evalsha(call.script().sha(), call.keys(), call.args()));
        }
        pipeline.sync();
        for (Response<?> response : side) {
            response.get(); // surfaces an error reply
        }
        for (int i = 0; i < calls.size(); i++) {
            try {
                results.add(responses.get(i).get());
            } catch (JedisDataException e) {
                if (!isNoScript(e)) {
                    results.add(new RedisReplies.ScriptError(calls.get(i).script(), e.getMessage()));
                    continue;
                }
                results.add(null);
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            LOG.info("Redis at {} lost jtc's Lua scripts (restart or SCRIPT FLUSH); loading them again", url);
            loadScripts(jedis);
            for (int i : missing) {
                ScriptCall call = calls.get(i);
                try {
                    results.set(i, jedis.evalsha(call.script().sha(), call.keys(), call.args()));
                } catch (JedisDataException e) {
                    results.set(i, new RedisReplies.ScriptError(call.script(), e.getMessage()));
                }
            }
        }
        return results;
    }

    private static boolean isNoScript(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    /** Loads every script; runs at connect and after the server lost its script cache (rare, so one by one). */
    private void loadScripts(Jedis jedis) {
        for (Script script : Script.values()) {
            String sha;
            try {
                sha = jedis.scriptLoad(script.text());
            } catch (JedisDataException e) {
                throw new IllegalStateException("Redis at " + url.redacted() + " rejected jtc's script " + script.fileName()
                        + ": " + firstLine(e.getMessage()), e);
            }
            if (!script.sha().equals(sha)) {
                throw new IllegalStateException("Redis at " + url.redacted() + " loaded " + script.fileName()
                        + " under SHA " + sha + ", expected " + script.sha());
            }
        }
    }

    @Override
    public void close() {
        waiters.shutdown();
        pool.close();
        blockingPool.close();
    }

    private static JedisPoolConfig poolConfig(int size) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMinIdle(0);
        config.setMaxWait(Duration.ofSeconds(10));
        return config;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /**
     * The underlying failure in a few words: "Connection refused", "UnknownHostException: nohost".
     * Jedis wraps socket errors in its own exceptions, as causes or as suppressed exceptions, so
     * the first exception that is not Jedis' own is the informative one.
     */
    static String rootCause(Throwable e) {
        Throwable root = underlying(e);
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        if (root instanceof ConnectException || root instanceof SocketTimeoutException || root instanceof JedisException) {
            return firstLine(message);
        }
        return root.getClass().getSimpleName() + ": " + firstLine(message);
    }

    private static Throwable underlying(Throwable e) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.add(e);
        Throwable deepest = e;
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (!(t instanceof JedisException)) {
                return t;
            }
            deepest = t;
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
        return deepest;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
