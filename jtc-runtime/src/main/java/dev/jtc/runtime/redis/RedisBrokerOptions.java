package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.PayloadLimit;
import dev.jtc.schedule.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link RedisBroker} behaves beyond its URL and namespace: how long completed and cancelled
 * job records stay readable, the largest payload it accepts, how many connections it may open,
 * its network timeouts, and the certificates for {@code rediss://} (TLS). Immutable; each
 * {@code with...} returns a copy.
 *
 * <pre>{@code
 * RedisBroker broker = RedisBroker.connect(url, "jtc", Clock.systemUTC(),
 *         RedisBrokerOptions.defaults().withCompletedRetention(Duration.ofMinutes(30)));
 * }</pre>
 *
 * <p>{@link #fromEnvironment} reads the same settings from {@code JTC_*} variables, which is what
 * the command line does; a web application that only dispatches can do the same.
 */
public final class RedisBrokerOptions {

    /** A PEM file of CA certificates that a {@code rediss://} server's certificate must chain to. */
    public static final String ENV_CA = "JTC_REDIS_CA";
    /** A PEM certificate (chain) the client presents, for servers with {@code tls-auth-clients yes}. */
    public static final String ENV_CLIENT_CERT = "JTC_REDIS_CLIENT_CERT";
    /** The unencrypted PKCS#8 PEM private key of {@link #ENV_CLIENT_CERT}. */
    public static final String ENV_CLIENT_KEY = "JTC_REDIS_CLIENT_KEY";
    /** The largest payload in UTF-8 bytes. */
    public static final String ENV_MAX_PAYLOAD_BYTES = "JTC_MAX_PAYLOAD_BYTES";
    /** How long completed jobs' status stays readable, e.g. {@code 5m}. */
    public static final String ENV_COMPLETED_RETENTION = "JTC_COMPLETED_RETENTION";
    /** Environment variable: {@code off} stops recording the throughput history and recent completions. */
    public static final String ENV_HISTORY = "JTC_HISTORY";

    private static final RedisBrokerOptions DEFAULTS = new RedisBrokerOptions(Duration.ofMinutes(5), PayloadLimit.DEFAULT_MAX_BYTES,
            32, Duration.ofSeconds(2), Duration.ofSeconds(5), "jtc", null, null, null, true);

    private final Duration completedRetention;
    private final int maxPayloadBytes;
    private final int poolSize;
    private final Duration connectTimeout;
    private final Duration socketTimeout;
    private final String clientName;
    private final Path trustedCertificates;
    private final Path clientCertificate;
    private final Path clientKey;
    private final boolean history;

    private RedisBrokerOptions(Duration completedRetention, int maxPayloadBytes, int poolSize, Duration connectTimeout,
            Duration socketTimeout, String clientName, Path trustedCertificates, Path clientCertificate, Path clientKey,
            boolean history) {
        this.completedRetention = completedRetention;
        this.maxPayloadBytes = maxPayloadBytes;
        this.poolSize = poolSize;
        this.connectTimeout = connectTimeout;
        this.socketTimeout = socketTimeout;
        this.clientName = clientName;
        this.trustedCertificates = trustedCertificates;
        this.clientCertificate = clientCertificate;
        this.clientKey = clientKey;
        this.history = history;
    }

    /**
     * Completed records kept 5 minutes, payloads up to 1 MiB, at most 32 connections per pool, 2 s
     * to connect, 5 s for a reply, client name {@code jtc}, TLS trusting the JVM's CA certificates.
     */
    public static RedisBrokerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The defaults, changed by whichever of {@code JTC_REDIS_CA}, {@code JTC_REDIS_CLIENT_CERT},
     * {@code JTC_REDIS_CLIENT_KEY}, {@code JTC_MAX_PAYLOAD_BYTES}, {@code JTC_COMPLETED_RETENTION}
     * and {@code JTC_HISTORY} are set (blank counts as unset).
     *
     * @param environment usually {@code System.getenv()}
     * @throws IllegalArgumentException naming the variable whose value cannot be used
     */
    public static RedisBrokerOptions fromEnvironment(Map<String, String> environment) {
        RedisBrokerOptions options = DEFAULTS;
        Optional<String> ca = variable(environment, ENV_CA);
        if (ca.isPresent()) {
            options = options.withTrustedCertificates(Path.of(ca.get()));
        }
        Optional<String> cert = variable(environment, ENV_CLIENT_CERT);
        Optional<String> key = variable(environment, ENV_CLIENT_KEY);
        if (cert.isPresent() != key.isPresent()) {
            throw new IllegalArgumentException(ENV_CLIENT_CERT + " and " + ENV_CLIENT_KEY
                    + " go together: set both (a PEM certificate and its PKCS#8 PEM key) or neither");
        }
        if (cert.isPresent()) {
            options = options.withClientCertificate(Path.of(cert.get()), Path.of(key.get()));
        }
        Optional<String> max = variable(environment, ENV_MAX_PAYLOAD_BYTES);
        if (max.isPresent()) {
            try {
                options = options.withMaxPayloadBytes(Integer.parseInt(max.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_MAX_PAYLOAD_BYTES + "='" + max.get()
                        + "' is not a positive whole number of bytes: set e.g. " + ENV_MAX_PAYLOAD_BYTES + "=1048576");
            }
        }
        Optional<String> retention = variable(environment, ENV_COMPLETED_RETENTION);
        if (retention.isPresent()) {
            try {
                options = options.withCompletedRetention(Durations.parse(retention.get()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_COMPLETED_RETENTION + "='" + retention.get()
                        + "' is not a positive duration: set e.g. " + ENV_COMPLETED_RETENTION + "=10m");
            }
        }
        Optional<String> history = variable(environment, ENV_HISTORY);
        if (history.isPresent()) {
            switch (history.get().toLowerCase(java.util.Locale.ROOT)) {
                case "on" -> options = options.withHistory(true);
                case "off" -> options = options.withHistory(false);
                default -> throw new IllegalArgumentException(ENV_HISTORY + "='" + history.get() + "' is neither on nor off");
            }
        }
        return options;
    }

    /**
     * Whether completions and failed attempts are counted in the per-minute and per-day history and
     * completions listed as recent (on by default; they cost a few commands inside each
     * acknowledgement, never a round trip).
     */
    public RedisBrokerOptions withHistory(boolean history) {
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, connectTimeout, socketTimeout, clientName,
                trustedCertificates, clientCertificate, clientKey, history);
    }

    public boolean history() {
        return history;
    }

    /** How long a completed or cancelled job's record (and so its status) stays readable. */
    public RedisBrokerOptions withCompletedRetention(Duration retention) {
        return new RedisBrokerOptions(positive("completedRetention", retention), maxPayloadBytes, poolSize, connectTimeout,
                socketTimeout, clientName, trustedCertificates, clientCertificate, clientKey, history);
    }

    /**
     * The largest payload (UTF-8 bytes) this broker enqueues; a bigger one is refused at dispatch
     * with a {@link dev.jtc.runtime.broker.PayloadTooLargeException}, and one found in Redis is
     * moved to the failed set at fetch. Producers and workers should agree on it.
     */
    public RedisBrokerOptions withMaxPayloadBytes(int maxPayloadBytes) {
        return new RedisBrokerOptions(completedRetention, PayloadLimit.requireValid(maxPayloadBytes, "maxPayloadBytes"),
                poolSize, connectTimeout, socketTimeout, clientName, trustedCertificates, clientCertificate, clientKey, history);
    }

    /**
     * The most connections the broker opens for commands; as many again may be used for blocking
     * waits. Give a worker at least its concurrency plus a few.
     */
    public RedisBrokerOptions withPoolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, connectTimeout, socketTimeout, clientName,
                trustedCertificates, clientCertificate, clientKey, history);
    }

    /** How long to wait for a TCP (and TLS) connection to Redis. */
    public RedisBrokerOptions withConnectTimeout(Duration timeout) {
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, positive("connectTimeout", timeout),
                socketTimeout, clientName, trustedCertificates, clientCertificate, clientKey, history);
    }

    /** How long to wait for a reply before the connection counts as lost. */
    public RedisBrokerOptions withSocketTimeout(Duration timeout) {
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, connectTimeout,
                positive("socketTimeout", timeout), clientName, trustedCertificates, clientCertificate, clientKey, history);
    }

    /** The name the connections show in {@code CLIENT LIST}. */
    public RedisBrokerOptions withClientName(String clientName) {
        Objects.requireNonNull(clientName, "clientName");
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, connectTimeout, socketTimeout, clientName,
                trustedCertificates, clientCertificate, clientKey, history);
    }

    /**
     * For {@code rediss://}: trust the CA certificates in this PEM file (as Redis' own
     * {@code tls-ca-cert-file}) instead of the JVM's. The server's name is still verified against
     * its certificate.
     */
    public RedisBrokerOptions withTrustedCertificates(Path caPem) {
        Objects.requireNonNull(caPem, "caPem");
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, connectTimeout, socketTimeout, clientName,
                caPem, clientCertificate, clientKey, history);
    }

    /**
     * For {@code rediss://} servers that ask for client certificates ({@code tls-auth-clients yes},
     * Redis' default): present this PEM certificate (chain) with its unencrypted PKCS#8 PEM key
     * ({@code -----BEGIN PRIVATE KEY-----}; RSA or EC).
     */
    public RedisBrokerOptions withClientCertificate(Path certificatePem, Path privateKeyPem) {
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        return new RedisBrokerOptions(completedRetention, maxPayloadBytes, poolSize, connectTimeout, socketTimeout, clientName,
                trustedCertificates, certificatePem, privateKeyPem, history);
    }

    public Duration completedRetention() {
        return completedRetention;
    }

    public int maxPayloadBytes() {
        return maxPayloadBytes;
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

    /** The CA file for TLS; empty means the JVM's trust store. */
    public Optional<Path> trustedCertificates() {
        return Optional.ofNullable(trustedCertificates);
    }

    /** The client certificate for TLS; empty means none is presented. */
    public Optional<Path> clientCertificate() {
        return Optional.ofNullable(clientCertificate);
    }

    /** The client certificate's private key; present exactly when {@link #clientCertificate()} is. */
    public Optional<Path> clientKey() {
        return Optional.ofNullable(clientKey);
    }

    /** Whether TLS needs certificates of its own rather than the JVM's defaults. */
    boolean hasCustomTls() {
        return trustedCertificates != null || clientCertificate != null;
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
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
        return "RedisBrokerOptions[completedRetention=" + completedRetention + ", maxPayloadBytes=" + maxPayloadBytes
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout
                + ", clientName=" + clientName + (trustedCertificates != null ? ", ca=" + trustedCertificates : "")
                + (clientCertificate != null ? ", clientCertificate=" + clientCertificate : "") + (history ? "" : ", history=off")
                + "]";
    }
}
