package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JtcVersion;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code ShopAppWorker} main, run in its own JVM the way {@code bin/run-sample}
 * runs it: {@code list} shows every job and schedule, the shop's and the inventory library's;
 * {@code demo} runs the demo jobs of both modules and a scheduled tick and exits by itself;
 * {@code --version} reads jtc's version from the runtime on the classpath (its jar, when Maven
 * runs {@code verify}); a mistyped command exits with 2 and the close one; {@code enqueue}
 * refuses a payload the job's generated codec cannot decode before it looks for Redis; and
 * {@code work} explains an unreachable Redis in one line.
 */
class WorkerCommandLineTest {

    private static final Pattern RUN_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T(\\d{2}):(\\d{2}):(\\d{2})(?:Z|[+-]\\d{2}:\\d{2})");

    @Test
    void listNamesEveryJobAndScheduleWithItsNextRunTimes() throws Exception {
        WorkerProcess.Result result = WorkerProcess.run(Map.of(), "list");

        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("Jobs of ShopApp (5)"), out);
        assertTrue(line(out, "SendOrderConfirmation").contains("mail"), out);
        assertTrue(line(out, "charge-payment").contains("payments"), out);
        assertTrue(line(out, "GenerateInvoice ").contains("default"), out);
        // the inventory library's jobs (jtc-sample-inventory), from the contributions in its jar
        assertTrue(line(out, "ReserveStock ").contains("inventory"), out);
        assertTrue(line(out, "ReserveStock ").contains("lines:List<StockLine{sku:String,quantity:int}>"), out);
        assertTrue(line(out, "RestockProduct ").contains("reason:RestockReason"), out);
        assertTrue(out.contains("Scheduled tasks (4)"), out);

        List<String[]> report = runTimes(line(out, "BackOfficeTasks.morningSalesReport"));
        assertEquals(3, report.size(), out);
        report.forEach(time -> assertEquals("07:00:00", String.join(":", time), "Berlin wall-clock time: " + out));
        assertTrue(line(out, "BackOfficeTasks.morningSalesReport").contains("Europe/Berlin"), out);

        List<String[]> purge = runTimes(line(out, "BackOfficeTasks.purgeOldMail"));
        assertEquals(3, purge.size(), out);
        purge.forEach(time -> assertEquals("03:00:00", String.join(":", time), out));

        List<String[]> refresh = runTimes(line(out, "InventoryTasks.refreshStock"));
        assertEquals(3, refresh.size(), out);
        refresh.forEach(time -> assertEquals(0, Integer.parseInt(time[2]) % 5, "on the 5-second grid: " + out));

        List<String[]> count = runTimes(line(out, "InventoryTasks.reorderLowStock"));
        assertEquals(3, count.size(), out);
        count.forEach(time -> assertEquals("06:00:00", String.join(":", time), "Berlin wall-clock time: " + out));
        assertTrue(line(out, "InventoryTasks.reorderLowStock").contains("Europe/Berlin"), out);
    }

    @Test
    void demoRunsTheDemoJobsAndAScheduledTickThenExits() throws Exception {
        WorkerProcess.Result result = WorkerProcess.run(Map.of(), "demo");

        assertEquals(0, result.exitCode(), result.out() + result.err());
        String out = result.out();
        assertTrue(out.contains("Demo jobs: 6 completed, 0 failed, 0 still pending"), out);
        assertTrue(Pattern.compile("\\[retry\\]\\s+charge-payment .*card network timed out for order 1002").matcher(out).find(),
                "the flaky sandbox card's first attempt is retried: " + out);
        assertTrue(Pattern.compile("\\[tick\\]\\s+InventoryTasks\\.refreshStock").matcher(out).find(), "the library's task: " + out);
        Matcher ticks = Pattern.compile("Scheduled ticks run: (\\d+)").matcher(out);
        assertTrue(ticks.find() && Integer.parseInt(ticks.group(1)) >= 1, out);
        assertTrue(Pattern.compile("\\[done\\]\\s+GenerateInvoice").matcher(out).find(), "the charge orders an invoice: " + out);
        assertTrue(Pattern.compile("\\[done\\]\\s+ReserveStock").matcher(out).find(), "the library's jobs: " + out);
        assertTrue(Pattern.compile("\\[done\\]\\s+RestockProduct").matcher(out).find(), "the library's jobs: " + out);
    }

    @Test
    void versionNamesTheApplicationAndTheJtcItRunsOn() throws Exception {
        WorkerProcess.Result result = WorkerProcess.run(Map.of(), "--version");

        assertEquals(0, result.exitCode(), result.err());
        assertNotEquals("unknown", JtcVersion.current(), "jtc-runtime's version file was filtered when it was built");
        assertEquals("ShopApp (jtc " + JtcVersion.current() + ")", result.out().lines().findFirst().orElse(""), result.out());
        assertTrue(result.out().lines().skip(1).findFirst().orElse("").startsWith("Java "), result.out());
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithTheCloseCommand() throws Exception {
        WorkerProcess.Result result = WorkerProcess.run(Map.of(), "wrok");

        assertEquals(2, result.exitCode(), result.out() + result.err());
        assertEquals("error: unknown command 'wrok'\nhint: did you mean 'work'? (run 'ShopApp --help' for the commands)\n",
                result.err());
    }

    @Test
    void enqueueRefusesAPayloadTheJobsCodecCannotDecodeBeforeItReachesRedis() throws Exception {
        // Redis is not there at all: a payload refused on this side never needs it.
        Map<String, String> noRedis = Map.of("JTC_REDIS_URL", "redis://127.0.0.1:" + closedPort());
        WorkerProcess.Result refused = WorkerProcess.run(noRedis, "enqueue", "charge-payment",
                "{\"orderId\":\"1003\",\"amount\":\"9.90\",\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");

        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        List<String> err = refused.err().lines().toList();
        assertTrue(err.get(0).startsWith("error: cannot decode the payload of job 'charge-payment' at $.orderId: "), refused.err());
        assertEquals("hint: the fields of charge-payment: orderId:long,amount:BigDecimal,currency:Currency,cardToken:String",
                err.get(1), refused.err());
        assertEquals(2, err.size(), refused.err());

        WorkerProcess.Result badCurrency = WorkerProcess.run(noRedis, "enqueue", "charge-payment",
                "{\"orderId\":1003,\"amount\":\"9.90\",\"currency\":\"EURO\",\"cardToken\":\"tok_visa\"}");
        assertEquals(2, badCurrency.exitCode(), badCurrency.err());
        assertTrue(badCurrency.err().startsWith("error: cannot decode the payload of job 'charge-payment' at $.currency: "),
                badCurrency.err());

        // The same job with a payload that decodes goes on to Redis, and finds it missing.
        WorkerProcess.Result accepted = WorkerProcess.run(noRedis, "enqueue", "charge-payment",
                "{\"orderId\":1003,\"amount\":\"9.90\",\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");
        assertEquals(1, accepted.exitCode(), accepted.err());
        assertTrue(accepted.err().startsWith("error: cannot reach Redis at redis://127.0.0.1:"), accepted.err());
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void workWithoutRedisSaysWhatIsWrongInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WorkerProcess.Result result = WorkerProcess.run(Map.of("JTC_REDIS_URL", "redis://127.0.0.1:" + closedPort), "work");

        assertNotEquals(0, result.exitCode(), result.out() + result.err());
        String error = result.err().lines().filter(text -> text.startsWith("error: ")).findFirst().orElse("");
        assertTrue(error.contains("cannot reach Redis at redis://127.0.0.1:" + closedPort), result.err());
    }

    private static String line(String out, String start) {
        return out.lines().filter(text -> text.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + start + "' in:\n" + out));
    }

    private static List<String[]> runTimes(String line) {
        return RUN_TIME.matcher(line).results().map(match -> new String[] {match.group(1), match.group(2), match.group(3)}).toList();
    }
}
