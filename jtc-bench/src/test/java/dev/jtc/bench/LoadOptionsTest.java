package dev.jtc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void noArgumentsMeanTheDefaults() {
        assertEquals(LoadOptions.defaults(), LoadOptions.parse(new String[0]));
    }

    @Test
    void readsBothSpellingsOfEveryOption() {
        LoadOptions options = LoadOptions.parse(new String[] {"--seconds", "1.5", "--warmup=0.5", "--producers", "4",
            "--batch", "50", "--drain-jobs", "10_000", "--max-jobs", "20000", "--concurrency", "8", "--fetch-batch", "16",
            "--workers", "2", "--consumers", "3", "--rates", "100, 200", "--systems", "redis-floor,jtc-redis", "--out", "x/y",
            "--bullmq", "d.mjs", "--repeat", "3"});
        assertEquals(Duration.ofMillis(1500), options.phase());
        assertEquals(Duration.ofMillis(500), options.warmup());
        assertEquals(4, options.producers());
        assertEquals(50, options.batch());
        assertEquals(10_000, options.drainJobs());
        assertEquals(20_000, options.maxJobs());
        assertEquals(8, options.concurrency());
        assertEquals(16, options.fetchBatch());
        assertEquals(2, options.workers());
        assertEquals(3, options.consumers());
        assertEquals(List.of(100, 200), options.rates());
        assertTrue(options.runs(LoadOptions.JTC_REDIS));
        assertFalse(options.runs(LoadOptions.JTC_MEMORY));
        assertEquals(Path.of("x/y"), options.output());
        assertEquals(Optional.of(Path.of("d.mjs")), options.bullmqDriver());
        assertEquals(3, options.repeat());
    }

    @Test
    void badValuesSayWhatToWrite() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--producers", "0"}));
        assertEquals("--producers needs a whole number above 0, got '0'", zero.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--speed", "11"}));
        assertEquals("unknown option --speed (--help lists the options)", unknown.getMessage());
        IllegalArgumentException system = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--systems", "sidekiq"}));
        assertEquals("unknown system 'sidekiq' in --systems: choose from redis-floor,jtc-redis,jtc-redis-no-history,jtc-redis-metrics,jtc-memory,bullmq", system.getMessage());
        IllegalArgumentException dangling = assertThrows(IllegalArgumentException.class,
                () -> LoadOptions.parse(new String[] {"--seconds"}));
        assertEquals("unexpected argument '--seconds': options are --name value (--help lists them)", dangling.getMessage());
    }
}
