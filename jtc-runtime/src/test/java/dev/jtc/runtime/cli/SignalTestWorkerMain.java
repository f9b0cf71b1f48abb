package dev.jtc.runtime.cli;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.UnknownJobException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * An application whose {@code main} is what a generated {@code <App>Worker.main} is: the real
 * command line, with its real signal handling. {@link CliSignalProcessTest} runs it as its own
 * JVM and signals it.
 *
 * <p>Arguments: the Redis port where the jobs write what they do, then the command line's own
 * arguments. Its one job, {@code Sleep} with payload {@code {"ms":N}}, records its id in
 * {@code test:started}, sleeps (interruptibly), and records it in {@code test:done}.
 */
public final class SignalTestWorkerMain {

    static final String SLEEP = "Sleep";
    private static final Pattern MILLIS = Pattern.compile("\"ms\"\\s*:\\s*(\\d+)");

    private SignalTestWorkerMain() {}

    public static void main(String[] args) {
        JedisPool records = new JedisPool("127.0.0.1", Integer.parseInt(args[0]));
        JobRunner runner = (name, payload, context) -> {
            if (!name.equals(SLEEP)) {
                throw new UnknownJobException(name);
            }
            Matcher ms = MILLIS.matcher(payload);
            try (Jedis jedis = records.getResource()) {
                jedis.rpush("test:started", context.id());
            }
            Thread.sleep(ms.find() ? Long.parseLong(ms.group(1)) : 0);
            try (Jedis jedis = records.getResource()) {
                jedis.rpush("test:done", context.id());
            }
        };
        AppDefinition app = new AppDefinition("SignalApp", "dev.jtc.signaltest", List.of(new JobType(SLEEP, "default", 0, JobType.NO_TIMEOUT,
                JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", "")), List.of(), (dispatcher, clock, settings) -> runner);
        String[] commandLine = java.util.Arrays.copyOfRange(args, 1, args.length);
        int code = JtcCommandLine.run(commandLine, app);
        records.close();
        System.exit(code);
    }

    /** How long a job of this application sleeps for {@code duration}: its payload. */
    static String sleepPayload(Duration duration) {
        return "{\"ms\":" + duration.toMillis() + "}";
    }
}
