package dev.jtc.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.redis.RedisFixture;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * {@code check} and {@code check --repair} on the command line, against a real redis-server with a
 * broken key and a job in no structure; and {@code stats} naming the broken key.
 */
class CheckCommandTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final Clock clock = Clock.systemUTC();
    private final RedisBroker broker = redis.broker("jtc", clock);
    private final Jedis jedis = redis.jedis();
    private final CliTestSupport cli = new CliTestSupport(broker);

    private int run(String... args) {
        cli.reset();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--redis-url";
        all[args.length + 1] = redis.url();
        return cli.run(clock, all);
    }

    private String seed() {
        JobMessage job = JobMessage.create(JobIds.next("mail"), "SendMail", "mail", "{}", "", clock.instant(), null, null);
        broker.enqueue(job);
        jedis.del("jtc:{mail}:ready"); // the job is now in no list or set
        jedis.set("jtc:{mail}:failed", "oops");
        return job.id();
    }

    @Test
    void checkReportsEachProblemAndChangesNothing() {
        String id = seed();

        assertEquals(1, run("check"), cli.err());

        String out = cli.out();
        assertTrue(out.startsWith("Checked redis://127.0.0.1:" + redis.port() + " (namespace jtc): 1 queue(s), 1 job record(s)"), out);
        assertTrue(out.contains("wrong type       jtc:{mail}:failed"), out);
        assertTrue(out.contains("is a string, not a zset"), out);
        assertTrue(out.contains("in no structure  jtc:{mail}:job:" + id), out);
        assertTrue(out.contains("--repair puts it on the ready list"), out);
        assertTrue(out.contains("2 problem(s), nothing changed; check --repair repairs 2 of them"), out);
        assertEquals("oops", jedis.get("jtc:{mail}:failed"));
        assertEquals(0, jedis.llen("jtc:{mail}:ready"));
    }

    @Test
    void statsNamesTheBrokenKey() {
        seed();

        assertEquals(0, run("stats"), cli.err());

        assertTrue(cli.out().contains("Broken keys (1)"), cli.out());
        assertTrue(cli.out().contains("jtc:{mail}:failed  string  zset"), cli.out());
        assertTrue(cli.out().contains("check --repair"), cli.out());
    }

    @Test
    void checkRepairPutsBackWhatItCanAndSaysWhatItDid() {
        String id = seed();

        assertEquals(0, run("check", "--repair"), cli.err()); // everything it found is repaired

        String out = cli.out();
        assertTrue(out.contains("repaired: set aside as jtc:{mail}:failed:corrupt"), out);
        assertTrue(out.contains("repaired: put it on the ready list"), out);
        assertTrue(out.contains("2 problem(s): 2 repaired, 0 left"), out);
        assertEquals(List.of(id), jedis.lrange("jtc:{mail}:ready", 0, -1));
        assertEquals("oops", jedis.get("jtc:{mail}:failed:corrupt"));

        assertEquals(1, run("check", "--repair"), "the copy kept aside is left for a person");
        assertTrue(cli.out().lines().anyMatch(l -> l.startsWith("leftover  jtc:{mail}:failed:corrupt")
                && l.contains("left: nothing reads it")), cli.out());
        jedis.del("jtc:{mail}:failed:corrupt");
        assertEquals(0, run("check"));
        assertTrue(cli.out().contains("nothing is wrong"), cli.out());
    }

    @Test
    void theInMemoryBrokerHasNothingToCheck() {
        assertEquals(0, cli.run(clock, "check", "--broker", "memory"));
        assertTrue(cli.out().startsWith("nothing to check: the in-memory broker"), cli.out());
    }
}
