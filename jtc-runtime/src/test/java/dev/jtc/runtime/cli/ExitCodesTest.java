package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JtcVersion;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.testing.ManualClock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit codes docs/cli.md promises, for every command: 2 for whatever is wrong with the command
 * as typed (with a suggestion for a mistyped command or option), 3 for a job id the broker does
 * not know, 1 for a command that ran and failed, and {@code --version}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExitCodesTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private List<String> errLines() {
        return cli.err().lines().toList();
    }

    // --- mistyped commands and options ---------------------------------------------------------

    @Test
    void aMistypedCommandGetsTheCloseOne() {
        assertEquals(2, cli.run(clock, "wrok"));
        assertEquals(List.of("error: unknown command 'wrok'",
                "hint: did you mean 'work'? (run 'ShopApp --help' for the commands)"), errLines());
        assertEquals("", cli.out());

        cli.reset();
        assertEquals(2, cli.run(clock, "dashbord"));
        assertEquals("hint: did you mean 'dashboard'? (run 'ShopApp --help' for the commands)", errLines().get(1));
    }

    @Test
    void aMistypedSubcommandGetsTheCloseOneWithItsGroup() {
        assertEquals(2, cli.run(clock, "failed", "lsit"));
        assertEquals(List.of("error: unknown command 'failed lsit'",
                "hint: did you mean 'failed list'? (run 'ShopApp failed --help' for the commands)"), errLines());
    }

    @Test
    void aCommandLikeNoOtherListsTheCommands() {
        assertEquals(2, cli.run(clock, "xyzzy"));
        assertEquals("error: unknown command 'xyzzy'", errLines().get(0));
        assertEquals("hint: the commands are work, list, enqueue, stats, status, check, pause, resume, jobs, failed, make, demo, dashboard;"
                + " run 'ShopApp --help' for what they do", errLines().get(1));
    }

    @Test
    void aMistypedOptionGetsTheCloseOne() {
        assertEquals(2, cli.run(clock, "work", "--queus", "mail"));
        assertEquals(List.of("error: unknown option '--queus' for ShopApp work",
                "hint: did you mean '--queues'? (run 'ShopApp work --help' for the options)"), errLines());

        cli.reset();
        assertEquals(2, cli.run(clock, "--concurency=4"), "options alone run work");
        assertEquals(List.of("error: unknown option '--concurency' for ShopApp work",
                "hint: did you mean '--concurrency'? (run 'ShopApp work --help' for the options)"), errLines());

        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "{}", "--dleay", "5m"));
        assertEquals("hint: did you mean '--delay'? (run 'ShopApp enqueue --help' for the options)", errLines().get(1));
        assertEquals(0, broker.stats().queues().size(), "nothing was enqueued");
    }

    @Test
    void anOptionLikeNoOtherPointsAtTheHelp() {
        assertEquals(2, cli.run(clock, "stats", "--frobnicate"));
        assertEquals(List.of("error: unknown option '--frobnicate' for ShopApp stats",
                "hint: run 'ShopApp stats --help' for the options"), errLines());
    }

    // --- every command's usage errors ----------------------------------------------------------

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("list", "extra"), "Unmatched argument at index 1: 'extra'"),
                Arguments.of(List.of("list", "--next", "-1"), "--next must not be negative"),
                Arguments.of(List.of("list", "--next", "three"), "Invalid value for option '--next'"),
                Arguments.of(List.of("enqueue"), "Missing required parameter"),
                Arguments.of(List.of("enqueue", "Nope"), "unknown job 'Nope' in ShopApp"),
                Arguments.of(List.of("enqueue", "SendMail", "[1]"), "the payload of SendMail must be a JSON object"),
                Arguments.of(List.of("enqueue", "SendMail", "{}", "--delay", "5m", "--run-at", "2026-03-02T12:00:00Z"),
                        "give either --delay or --run-at, not both"),
                Arguments.of(List.of("enqueue", "SendMail", "{}", "--run-at", "noon"), "Invalid value for option '--run-at'"),
                Arguments.of(List.of("enqueue", "SendMail", "{}", "--queue", "bad queue"), "queue"),
                Arguments.of(List.of("enqueue", "SendMail", "{}", "--unique-key", "has spaces"), "unique"),
                Arguments.of(List.of("stats", "extra"), "Unmatched argument at index 1: 'extra'"),
                Arguments.of(List.of("stats", "--broker", "mongo"), "unknown broker 'mongo'"),
                Arguments.of(List.of("check", "--repiar"), "unknown option '--repiar'"),
                Arguments.of(List.of("jobs"), "Missing required parameter"),
                Arguments.of(List.of("jobs", "mail", "--state", "done"), "'done' is not a list of a queue"),
                Arguments.of(List.of("jobs", "mail", "--limit", "-1"), "--limit and --offset must not be negative"),
                Arguments.of(List.of("jobs", "bad queue"), "queue 'bad queue'"),
                Arguments.of(List.of("failed"), "say what to do with failed jobs"),
                Arguments.of(List.of("failed", "list", "--offset", "-5"), "--limit and --offset must not be negative"),
                Arguments.of(List.of("failed", "retry"), "Error: Missing required argument"),
                Arguments.of(List.of("failed", "retry", "some-id", "--all"), "mutually exclusive"),
                Arguments.of(List.of("failed", "delete"), "Missing required parameter"),
                Arguments.of(List.of("failed", "purge", "now"), "Unmatched argument"),
                Arguments.of(List.of("status"), "Missing required parameter"),
                Arguments.of(List.of("make"), "say what to make"),
                Arguments.of(List.of("make", "job"), "Missing required parameter"),
                Arguments.of(List.of("demo", "--job", "=x"), "--job '=x' must be name=json"),
                Arguments.of(List.of("demo", "--job", "Nope"), "unknown job 'Nope'"),
                Arguments.of(List.of("demo", "--max-wait", "soon"), "'soon' is not a duration"),
                Arguments.of(List.of("dashboard", "--port", "70000"), "--port 70000 is not a port"),
                Arguments.of(List.of("dashboard", "--port", "http"), "Invalid value for option '--port'"),
                Arguments.of(List.of("work", "--concurrency", "0"), "concurrency"),
                Arguments.of(List.of("work", "--queues", "mail:x"), "queue weight 'x' of 'mail' is not a whole number"),
                Arguments.of(List.of("work", "--heartbeat-ttl", "0s"), "heartbeat"),
                Arguments.of(List.of("work", "--max-recoveries", "-1"), "max recoveries must not be negative"),
                Arguments.of(List.of("work", "--shutdown-grace", "soon"), "'soon' is not a duration"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void everyUsageErrorExitsWithTwoAndAHint(List<String> args, String message) {
        int exit = cli.run(clock, args.toArray(String[]::new));

        assertEquals(2, exit, cli.out() + cli.err());
        List<String> lines = errLines();
        assertTrue(lines.get(0).startsWith("error: "), cli.err());
        assertTrue(lines.get(0).contains(message), "'" + message + "' in " + cli.err());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("hint: ")), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertTrue(broker.stats().queues().isEmpty(), "nothing reached the broker");
    }

    @Test
    void aVariableStandingInForAnOptionIsCheckedAsTheOption() {
        cli.env.put("JTC_BROKER", "mongo");
        assertEquals(2, cli.run(clock, "stats"));
        assertEquals(List.of("error: unknown broker 'mongo'", "hint: use --broker redis or --broker memory (or JTC_BROKER)"),
                errLines());
    }

    @Test
    void redisSettingsThatDoNotParseAreUsageErrors() {
        CliTestSupport real = new CliTestSupport(broker);
        real.opener = BrokerOpener.STANDARD;
        assertEquals(2, real.run(clock, "stats", "--redis-url", "http://localhost:6379"));
        assertTrue(real.err().startsWith("error: 'http://localhost:6379' is not a Redis URL"), real.err());
        assertTrue(real.err().contains("\nhint: write the URL as redis://"), real.err());

        real.reset();
        real.env.put("JTC_MAX_PAYLOAD_BYTES", "lots");
        assertEquals(2, real.run(clock, "stats", "--redis-url", "redis://127.0.0.1:1"));
        assertTrue(real.err().startsWith("error: JTC_MAX_PAYLOAD_BYTES='lots' is not a positive whole number"), real.err());
    }

    // --- not found and failures ----------------------------------------------------------------

    @Test
    void anUnknownFailedJobIsNotFound() {
        String unknown = JobIds.next("mail");
        assertEquals(3, cli.run(clock, "failed", "retry", unknown));
        assertEquals("error: no failed job with id '" + unknown + "'", errLines().get(0));
        assertTrue(errLines().get(1).startsWith("hint: 'failed list' shows the failed jobs"), cli.err());

        cli.reset();
        assertEquals(3, cli.run(clock, "failed", "delete", unknown));
        assertEquals("error: no failed job with id '" + unknown + "'", errLines().get(0));
    }

    @Test
    void aCommandThatRanAndFailedExitsWithOne() {
        CliTestSupport real = new CliTestSupport(broker);
        real.opener = BrokerOpener.STANDARD;
        assertEquals(1, real.run(clock, "jobs", "mail", "--redis-url", "redis://127.0.0.1:1"));
        assertTrue(real.err().startsWith("error: cannot reach Redis at redis://127.0.0.1:1"), real.err());
    }

    // --- help and version ----------------------------------------------------------------------

    @Test
    void versionNamesTheApplicationJtcAndJava() {
        assertEquals(0, cli.run(clock, "--version"));

        List<String> lines = cli.out().lines().toList();
        assertEquals("ShopApp (jtc " + JtcVersion.current() + ")", lines.get(0));
        assertEquals("ShopApp (jtc " + System.getProperty("jtc.project.version") + ")", lines.get(0),
                "the version Maven built");
        assertTrue(lines.get(1).startsWith("Java " + System.getProperty("java.version") + " ("), lines.get(1));
        assertEquals(2, lines.size(), cli.out());
        assertEquals("", cli.err());

        cli.reset();
        assertEquals(0, cli.run(clock, "-V"));
        assertTrue(cli.out().startsWith("ShopApp (jtc "), cli.out());
        assertTrue(cli.openedWith.isEmpty(), "--version opens no broker");
    }

    @Test
    void helpListsVersionAndExitsWithZero() {
        assertEquals(0, cli.run(clock, "--help"));
        assertTrue(cli.out().contains("--version"), cli.out());
        assertTrue(cli.out().contains("  status "), cli.out());
    }
}
