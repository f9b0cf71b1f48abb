package dev.jtc.runtime.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A worker's own small HTTP server for {@link Endpoints}: {@code work --metrics-port}. Two
 * threads, GET and HEAD only, nothing else served.
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code endpoints} on {@code host:port} (0 for a free port) until closed.
     *
     * @throws UncheckedIOException if the address cannot be bound, saying which
     */
    public static MetricsServer start(Endpoints endpoints, String host, int port) {
        InetSocketAddress address = new InetSocketAddress(host, port);
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage()
                    + " (hint: another program uses the port; pick another with --metrics-port)", e);
        }
        server.createContext("/", exchange -> answer(exchange, endpoints));
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "jtc-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new MetricsServer(server, executor);
    }

    private static void answer(HttpExchange exchange, Endpoints endpoints) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Endpoints.Reply reply = method.equals("GET") || method.equals("HEAD")
                    ? endpoints.get(exchange.getRequestURI().getPath())
                    : new Endpoints.Reply(405, "text/plain; charset=utf-8", method + " is not allowed here: use GET\n");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = method.equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The port it listens on (the real one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
