package dev.jtc.runtime.dashboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.jtc.runtime.broker.BrokerException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where requests enter and responses leave: checks the {@code Host} header, turns a
 * broker outage into a 503 the page can show (instead of a dropped connection), and puts the same
 * security headers on every response. A strict Content-Security-Policy allows only the
 * dashboard's own script and style files, so even injected markup could not run a script.
 */
final class GuardedHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(GuardedHandler.class);

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
                    + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private final HostCheck hosts;
    private final Route route;

    GuardedHandler(HostCheck hosts, Route route) {
        this.hosts = hosts;
        this.route = route;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            send(exchange, answer(exchange));
        } catch (IOException e) {
            log.debug("dashboard client went away during {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private Response answer(HttpExchange exchange) {
        if (!hosts.allows(exchange.getRequestHeaders().getFirst("Host"))) {
            return Response.error(403, "host name not allowed: " + exchange.getRequestHeaders().getFirst("Host"),
                    "this dashboard listens on a loopback address; open it as http://127.0.0.1:<port>/ or http://localhost:<port>/");
        }
        try {
            return route.answer(exchange);
        } catch (BrokerException e) {
            log.warn("dashboard could not read the broker: {}", e.getMessage());
            return Response.error(503, "the broker did not answer: " + e.getMessage(),
                    "check that Redis is running and reachable; the page keeps retrying by itself");
        } catch (RuntimeException e) {
            log.error("dashboard failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            return Response.error(500, "the dashboard failed: " + e,
                    "see the dashboard process's log for the stack trace");
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        SECURITY_HEADERS.forEach(headers::set);
        response.headers().forEach(headers::set);
        headers.set("Content-Type", response.contentType());
        byte[] body = response.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
