package dev.jtc.runtime.dashboard;

import com.sun.net.httpserver.HttpServer;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.metrics.Endpoints;
import dev.jtc.runtime.metrics.Health;
import dev.jtc.runtime.metrics.MetricsProvider;
import dev.jtc.runtime.metrics.ProcessMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard of a jtc application: pages showing the queues with their queued, scheduled
 * and in-flight jobs (waiting ones can be cancelled), counters, workers, the failed set (with
 * retry, delete, retry all and purge), the scheduled tasks with their next run times (and "run
 * now"), the job types, and each job by its id; every view has its own address, and it refreshes
 * itself every few seconds. It is served by the JDK's built-in HTTP server on
 * a small thread pool, so the runtime needs no web framework.
 *
 * <pre>{@code
 * try (Dashboard dashboard = Dashboard.start(broker, app, Clock.systemUTC(), "127.0.0.1", 8080)) {
 *     System.out.println("dashboard at " + dashboard.uri());
 *     ...wait for Ctrl-C...
 * }
 * }</pre>
 *
 * <p>Bind it to {@code 127.0.0.1} (the CLI's default): it has no login, and anyone who reaches it
 * can cancel waiting jobs, retry and delete failed ones and run scheduled tasks. On a loopback address it also refuses
 * requests whose {@code Host} header names another host (DNS rebinding). Every change needs the page's
 * per-process token, so other web sites cannot trigger one.
 *
 * <p>The dashboard never closes the broker it is given; the caller owns it.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    /** Enough for a few browser tabs and the API; each request is one or two broker calls. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI uri;
    private final Optional<ProcessMetrics> metrics;

    /** The address as it was asked for ({@code 0.0.0.0}), which the server may report otherwise ({@code ::}). */
    private final String requestedHost;

    private Dashboard(HttpServer server, ExecutorService executor, URI uri, String requestedHost,
            Optional<ProcessMetrics> metrics) {
        this.metrics = metrics;
        this.server = server;
        this.executor = executor;
        this.uri = uri;
        this.requestedHost = requestedHost;
    }

    /**
     * Starts serving the dashboard and returns once it accepts connections.
     *
     * @param broker where the queues, workers and failed jobs are read and changed
     * @param app the application whose scheduled tasks and job types are listed
     * @param clock the time "now" and the next run times are computed from
     * @param host the address to listen on, e.g. {@code 127.0.0.1}, {@code localhost} or {@code 0.0.0.0}
     * @param port the port; 0 picks a free one (see {@link #uri()})
     * @throws UncheckedIOException if the address cannot be bound (port in use, unknown host)
     * @throws IllegalArgumentException if the port is out of range
     */
    public static Dashboard start(Broker broker, AppDefinition app, Clock clock, String host, int port) {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range (hint: use 1-65535, or 0 to pick a free port)");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UncheckedIOException(new IOException("cannot resolve host '" + host
                    + "' for the dashboard (hint: use 127.0.0.1 to stay local, or 0.0.0.0 for every interface)"));
        }
        RequestToken token = RequestToken.random();
        Assets assets = Assets.load(app.name(), token);
        HttpServer server = bind(address);
        HostCheck hosts = HostCheck.forBindAddress(address.getAddress());
        server.createContext("/", new GuardedHandler(hosts, new PageRoute(assets)));
        server.createContext("/api/", new GuardedHandler(hosts,
                new ApiRoute(new Snapshots(broker, app, clock), new FailedSetActions(broker), new WaitingJobActions(broker),
                        new ScheduledTaskActions(broker, app, clock), new QueueActions(broker), token)));
        // Prometheus and probes: the gauges of the queues (no job runs here) and whether Redis answers.
        Optional<ProcessMetrics> metrics = MetricsProvider.find().map(p -> p.create(app.name(), broker, clock));
        Endpoints endpoints = new Endpoints(metrics, Health.ofReader(broker));
        Route observability = exchange -> {
            Endpoints.Reply reply = endpoints.get(exchange.getRequestURI().getPath());
            return Response.of(reply.status(), reply.contentType(), reply.body().getBytes(StandardCharsets.UTF_8));
        };
        server.createContext("/metrics", new GuardedHandler(hosts, observability));
        server.createContext("/health", new GuardedHandler(hosts, observability));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, new DashboardThreads());
        server.setExecutor(executor);
        server.start();
        URI uri = uriOf(server.getAddress());
        Dashboard dashboard = new Dashboard(server, executor, uri, host, metrics);
        log.info("dashboard of {} {}", app.name(), dashboard.listening());
        return dashboard;
    }

    /**
     * Where to open the dashboard, e.g. {@code http://127.0.0.1:8080/}: the real port when started
     * with 0, and the loopback address when bound to every interface.
     */
    public URI uri() {
        return uri;
    }

    /** The address and port the server is bound to. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Whether it is bound to every interface ({@code 0.0.0.0} or {@code ::}), not to one address. */
    public boolean onAllInterfaces() {
        return server.getAddress().getAddress().isAnyLocalAddress();
    }

    /**
     * Where it listens, as a person reads it: {@code at http://127.0.0.1:8080/} for one address, and
     * for every interface {@code listening on all interfaces (0.0.0.0:8080): http://127.0.0.1:8080/
     * from this host, http://<name>:8080/ or http://<address>:8080/ from others}, naming the host
     * and the addresses of its interfaces (not loopback, not link-local).
     */
    public String listening() {
        if (!onAllInterfaces()) {
            return "at " + uri;
        }
        InetSocketAddress bound = server.getAddress();
        int port = bound.getPort();
        StringBuilder text = new StringBuilder("listening on all interfaces (" + requestedHost + ":" + port + "): " + uri
                + " from this host");
        List<String> others = new ArrayList<>();
        String name = localHostName();
        if (name != null) {
            others.add("http://" + name + ":" + port + "/");
        }
        for (InetAddress address : externalAddresses()) {
            others.add(uriOf(new InetSocketAddress(address, port)).toString());
        }
        if (!others.isEmpty()) {
            text.append(", ").append(String.join(" or ", others.subList(0, Math.min(4, others.size())))).append(" from others");
        }
        return text.toString();
    }

    private static String localHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() || name.equals("localhost") ? null : name;
        } catch (IOException e) {
            return null;
        }
    }

    /** The host's addresses that other machines may reach (not loopback, not link-local), IPv4 first. */
    private static List<InetAddress> externalAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (!address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                        out.add(address);
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        out.sort(Comparator.comparing(a -> a instanceof Inet6Address));
        return out;
    }

    /** Stops serving at once and frees the port; requests in progress are cut off. Leaves the broker open. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        metrics.ifPresent(ProcessMetrics::close);
    }

    private static HttpServer bind(InetSocketAddress address) {
        String where = address.getHostString() + ":" + address.getPort();
        try {
            return HttpServer.create(address, 0);
        } catch (BindException e) {
            throw new UncheckedIOException("cannot listen on " + where + ": " + e.getMessage()
                    + " (hint: another program uses the port; pick another with --port, or --port 0 for a free one)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the dashboard on " + where + ": " + e.getMessage(), e);
        }
    }

    /** The URI to open; for a wildcard address (0.0.0.0, ::) that is the loopback, which always reaches it. */
    private static URI uriOf(InetSocketAddress bound) {
        if (bound.getAddress().isAnyLocalAddress()) {
            return URI.create("http://127.0.0.1:" + bound.getPort() + "/");
        }
        String host = bound.getAddress().getHostAddress();
        if (bound.getAddress() instanceof Inet6Address) {
            int scope = host.indexOf('%');
            host = "[" + (scope < 0 ? host : host.substring(0, scope)) + "]";
        }
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    /** Daemon threads named after the dashboard, so they are easy to tell apart in a thread dump and never hold the JVM open. */
    private static final class DashboardThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "jtc-dashboard-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
