package dev.jtc.runtime.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.testing.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page, its files, the security headers, and where and how the server listens. */
class DashboardPageTest {

    private final ManualClock clock = ManualClock.at("2026-01-05T08:59:30Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final DashboardFixture fixture = new DashboardFixture(broker, clock, "ShopApp");

    @AfterEach
    void stop() {
        fixture.close();
        broker.close();
    }

    @Test
    void pageLoadsWithTheAppNameTheTokenAndItsOwnFiles() {
        HttpResponse<String> page = fixture.get("/");

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<title>ShopApp · jtc dashboard</title>"), page.body());
        assertTrue(page.body().contains("<script src=\"/assets/dashboard.js\" defer></script>"));
        assertTrue(page.body().contains("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\">"));
        assertTrue(fixture.pageToken().matches("[A-Za-z0-9_-]{43}"), "a 256-bit base64url token");
        assertFalse(page.body().contains("{{"), "every placeholder is filled in");
    }

    @Test
    void everyViewHasItsOwnPathAndEachServesThePage() {
        String page = fixture.get("/").body();
        for (String path : new String[] {"/index.html", "/failed", "/failed?page=2", "/scheduled", "/workers", "/queues/mail",
                "/queues/mail?state=active&page=3", "/queues/reports.daily_v-2", "/jobs/01JDQ4M5Z9X8K2J3H4G5F6D7S8%40mail",
                "/jobs/import%2F2026%3F7@payments", "/jobs/no-such-job"}) {
            HttpResponse<String> view = fixture.get(path);

            assertEquals(200, view.statusCode(), path);
            assertEquals("text/html; charset=utf-8", view.headers().firstValue("Content-Type").orElseThrow(), path);
            assertEquals(page, view.body(), path + " serves the same page, whose script shows the view");
        }
    }

    @Test
    void otherPathsAreA404PageThatLinksHome() {
        for (String path : new String[] {"/nowhere", "/failed/", "/failed/x", "/queues", "/queues/", "/queues/two%20words",
                "/queues/mail/ready", "/jobs", "/jobs/", "/jobs/a/b", "/api"}) {
            HttpResponse<String> missing = fixture.get(path);

            assertEquals(404, missing.statusCode(), path);
            assertEquals("text/html; charset=utf-8", missing.headers().firstValue("Content-Type").orElseThrow(), path);
            assertTrue(missing.body().contains("<h2>Page not found</h2>"), path);
            assertTrue(missing.body().contains("<a href=\"/\">Go to the overview</a>"), path);
        }
    }

    @Test
    void eachDashboardHasItsOwnToken() {
        try (DashboardFixture other = new DashboardFixture(broker, clock, "ShopApp")) {
            assertNotEquals(fixture.pageToken(), other.pageToken());
        }
    }

    @Test
    void scriptStyleAndIconAreServedWithTheirTypes() {
        HttpResponse<String> script = fixture.get("/assets/dashboard.js");
        HttpResponse<String> style = fixture.get("/assets/dashboard.css");
        HttpResponse<String> icon = fixture.get("/assets/favicon.svg");

        assertEquals(200, script.statusCode());
        assertEquals("text/javascript; charset=utf-8", script.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(script.body().contains("/api/stats"));
        assertEquals(200, style.statusCode());
        assertEquals("text/css; charset=utf-8", style.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, icon.statusCode());
        assertEquals("image/svg+xml", icon.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void everyResponseForbidsInlineScriptsFramingAndSniffing() {
        for (String path : new String[] {"/", "/api/overview", "/nowhere"}) {
            HttpResponse<String> response = fixture.get(path);
            String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(policy.contains("script-src 'self'"), path + ": " + policy);
            assertFalse(policy.contains("unsafe-inline"), path + ": " + policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow(), path);
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow(), path);
        }
    }

    @Test
    void appNameIsEscapedInThePage() {
        try (DashboardFixture odd = new DashboardFixture(broker, clock, "Shop<script>alert(1)</script>")) {
            String page = odd.get("/").body();

            assertTrue(page.contains("Shop&lt;script&gt;alert(1)&lt;/script&gt;"), page);
            assertFalse(page.contains("<script>alert(1)"), page);
        }
    }

    @Test
    void unknownPathsAreNotFoundAndOtherMethodsNotAllowed() {
        HttpResponse<String> missing = fixture.get("/assets/missing.js");
        HttpResponse<String> missingApi = fixture.get("/api/nothing");
        HttpResponse<String> put = fixture.send(HttpRequest.newBuilder(fixture.uri("/"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));

        assertEquals(404, missing.statusCode());
        assertEquals(404, missingApi.statusCode());
        assertTrue(JsonTree.parse(missingApi.body()).string("hint").contains("/api/"));
        assertEquals(405, put.statusCode());
        assertEquals("GET", put.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void bindsToTheLoopbackAddressItWasGivenOnAFreePort() {
        InetSocketAddress address = fixture.dashboard.address();

        assertTrue(address.getAddress().isLoopbackAddress());
        assertEquals("127.0.0.1", address.getAddress().getHostAddress());
        assertNotEquals(0, address.getPort());
        assertEquals("http://127.0.0.1:" + address.getPort() + "/", fixture.dashboard.uri().toString());
    }

    @Test
    void refusesHostNamesOtherThanTheLoopbackSoRebindingPagesCannotReadIt() throws IOException {
        int port = fixture.dashboard.address().getPort();

        assertTrue(rawGet(port, "evil.example:" + port).startsWith("HTTP/1.1 403"));
        assertTrue(rawGet(port, "evil.example").startsWith("HTTP/1.1 403"));
        assertTrue(rawGet(port, "localhost:" + port).startsWith("HTTP/1.1 200"));
        assertTrue(rawGet(port, "127.0.0.1:" + port).startsWith("HTTP/1.1 200"));
        assertTrue(rawGet(port, "[::1]:" + port).startsWith("HTTP/1.1 200"));
    }

    @Test
    void aPortInUseFailsWithAHint() {
        int taken = fixture.dashboard.address().getPort();

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> Dashboard.start(broker, DashboardFixture.app("ShopApp"), clock, "127.0.0.1", taken));

        assertTrue(error.getMessage().contains("cannot listen on 127.0.0.1:" + taken), error.getMessage());
        assertTrue(error.getMessage().contains("--port"), error.getMessage());
    }

    @Test
    void anOutOfRangePortIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Dashboard.start(broker, DashboardFixture.app("ShopApp"), clock, "127.0.0.1", 70_000));

        assertTrue(error.getMessage().contains("70000"), error.getMessage());
    }

    @Test
    void closeFreesThePortAndLeavesTheBrokerOpen() throws Exception {
        Dashboard dashboard = Dashboard.start(broker, DashboardFixture.app("ShopApp"), clock, "127.0.0.1", 0);
        HttpRequest request = HttpRequest.newBuilder(dashboard.uri()).timeout(Duration.ofSeconds(5)).build();
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(200, client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());

        dashboard.close();

        assertThrows(ConnectException.class, () -> client.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(0, broker.stats().failed(), "the broker still answers");
    }

    /** A GET with a Host header of our choosing, which java.net.http does not allow to set. */
    private static String rawGet(int port, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/stats HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
