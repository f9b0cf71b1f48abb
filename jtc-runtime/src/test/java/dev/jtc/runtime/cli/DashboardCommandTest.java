package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.InMemoryBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dashboard}: serves the page until stopped, on the address it prints. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DashboardCommandTest {

    private static final Pattern ADDRESS = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");

    private final Clock clock = Clock.systemUTC();
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void servesTheDashboardOnTheLoopbackUntilInterrupted() throws Exception {
        Thread[] commandThread = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        commandThread[0] = new Thread(() -> exit.complete(cli.run(clock, "dashboard", "--port", "0")));
        commandThread[0].start();

        URI address = awaitAddress();
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("ShopApp"), page.body());

        commandThread[0].interrupt();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS), cli.err());
        assertTrue(cli.out().contains("dashboard of ShopApp at " + address + " over redis://localhost:6379 (namespace jtc)"), cli.out());
    }

    @Test
    void onEveryInterfaceItSaysSoAndEveryAddressItPrintsWorks() throws Exception {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread command = new Thread(() -> exit.complete(cli.run(clock, "dashboard", "--host", "0.0.0.0", "--port", "0")));
        command.start();

        Matcher line = awaitLine(Pattern.compile("dashboard of ShopApp listening on all interfaces \\(0\\.0\\.0\\.0:(\\d+)\\):"
                + " (http://127\\.0\\.0\\.1:\\d+/) from this host(.*) over redis://"));
        String port = line.group(1);
        assertEquals("http://127.0.0.1:" + port + "/", line.group(2));
        List<String> printed = new ArrayList<>(List.of(line.group(2)));
        Matcher others = Pattern.compile("http://(\\d+\\.\\d+\\.\\d+\\.\\d+):" + port + "/").matcher(line.group(3));
        while (others.find()) {
            printed.add(others.group());
        }
        for (String uri : printed) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), uri);
        }
        assertTrue(cli.out().contains("note: it has no login and its buttons change jobs"), cli.out());

        command.interrupt();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS), cli.err());
    }

    private Matcher awaitLine(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(cli.out());
            if (m.find()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line matching " + pattern + ": " + cli.out() + cli.err());
    }

    @Test
    void aTakenPortIsOneLineWithAHint() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int exit = cli.run(clock, "dashboard", "--port", String.valueOf(taken.getLocalPort()));

            assertEquals(1, exit);
            assertTrue(cli.err().startsWith("error: "), cli.err());
            assertTrue(cli.err().contains("--port"), cli.err());
        }
    }

    private URI awaitAddress() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher m = ADDRESS.matcher(cli.out());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the dashboard never printed its address: " + cli.out() + cli.err());
    }
}
