package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code enqueue} (and {@code demo --job}) check a payload with the job's codec, through the
 * definition's payload validator, before anything reaches the broker: a payload it refuses is a
 * usage error with the codec's message and the job's fields in the hint.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EnqueuePayloadCheckTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final CliTestSupport cli = new CliTestSupport(broker);

    @BeforeEach
    void useTheCodecs() {
        cli.validator = CliTestSupport::decodeWithCodecs;
    }

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private List<String> errLines() {
        return cli.err().lines().toList();
    }

    private void assertNothingSent() {
        assertTrue(cli.openedWith.isEmpty(), "the broker was not even opened");
        assertTrue(broker.stats().queues().isEmpty(), "nothing reached the broker");
    }

    @Test
    void aFieldOfTheWrongTypeIsRefusedWithTheCodecsMessageAndTheJobsFields() {
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "{\"userId\":\"forty-two\",\"template\":\"welcome\"}"));

        List<String> err = errLines();
        assertTrue(err.get(0).startsWith("error: cannot decode the payload of job 'SendMail' at $.userId: "), cli.err());
        assertTrue(err.get(0).contains("forty-two"), "shows what it found: " + cli.err());
        assertEquals("hint: the fields of SendMail: userId:long,template:String", err.get(1));
        assertEquals(2, err.size(), cli.err());
        assertEquals("", cli.out());
        assertNothingSent();
    }

    @Test
    void aMissingFieldIsNamed() {
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "{\"userId\":42}"));

        assertTrue(errLines().get(0).startsWith("error: cannot decode the payload of job 'SendMail'"), cli.err());
        assertTrue(errLines().get(0).contains("template"), cli.err());
        assertEquals("hint: the fields of SendMail: userId:long,template:String", errLines().get(1));
        assertNothingSent();
    }

    @Test
    void aPayloadThatIsNoObjectShowsTheFieldsToo() {
        assertEquals(2, cli.run(clock, "enqueue", "SendMail", "42"));
        assertEquals("hint: the fields of SendMail: userId:long,template:String", errLines().get(1));

        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "RebuildIndex", "{\"force\":tru}"));
        assertTrue(errLines().get(0).startsWith("error: the payload of RebuildIndex is not valid JSON"), cli.err());
        assertEquals("hint: RebuildIndex takes no parameters: send {} or nothing", errLines().get(1));
        assertNothingSent();
    }

    @Test
    void aPayloadTheCodecDecodesIsSent() throws Exception {
        assertEquals(0, cli.run(clock, "enqueue", "SendMail", "{\"userId\":42,\"template\":\"welcome\",\"extra\":[1]}"),
                cli.err());

        List<JobMessage> sent = broker.fetch("w", List.of("mail"), 5, Duration.ZERO);
        assertEquals(1, sent.size());
        assertEquals("{\"userId\":42,\"template\":\"welcome\",\"extra\":[1]}", sent.get(0).payload(),
                "sent as typed: the codec ignores fields it does not know, as the worker's does");
    }

    @Test
    void aScheduledTaskTakesNoPayloadAndIsNotDecoded() throws Exception {
        assertEquals(0, cli.run(clock, "enqueue", "Health.ping"), cli.err());
        assertEquals(1, broker.fetch("w", List.of("maintenance"), 5, Duration.ZERO).size());

        cli.reset();
        assertEquals(2, cli.run(clock, "enqueue", "Health.ping", "[]"));
        assertEquals("hint: Health.ping is a scheduled task: it takes no payload (send {} or nothing)", errLines().get(1));
    }

    @Test
    void aValidatorThatDoesNotKnowAListedJobIsAFailureNotAUsageError() {
        cli.validator = (name, payload) -> {
            throw new UnknownJobException(name);
        };

        assertEquals(1, cli.run(clock, "enqueue", "SendMail", "{\"userId\":1,\"template\":\"x\"}"));

        assertTrue(errLines().get(0).startsWith("error: the payload validator of ShopApp does not know job 'SendMail'"), cli.err());
        assertNothingSent();
    }

    @Test
    void demoJobsAreCheckedTheSameWay() {
        assertEquals(2, cli.run(clock, "demo", "--job", "SendMail={\"userId\":true,\"template\":\"x\"}"));

        assertTrue(errLines().get(0).startsWith("error: --job SendMail={\"userId\":true,\"template\":\"x\"}: cannot decode the"
                + " payload of job 'SendMail' at $.userId: "), cli.err());
        assertEquals("hint: the fields of SendMail: userId:long,template:String", errLines().get(1));
        assertTrue(cli.out().isEmpty(), "no demo started: " + cli.out());
    }
}
