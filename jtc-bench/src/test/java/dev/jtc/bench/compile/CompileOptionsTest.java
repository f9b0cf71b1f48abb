package dev.jtc.bench.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompileOptionsTest {

    private static final String[] PATHS = {"--classpath", "cp", "--processor-path", "pp"};

    @Test
    void theDefaultsAreIssueSixsSizesThreeTimesAndTheFiveThousandJobProject() {
        CompileOptions options = CompileOptions.parse(PATHS);
        assertEquals(List.of(250, 500, 1_000, 2_000), options.sizes());
        assertEquals(3, options.repeat());
        assertEquals(5_000, options.limit());
        assertEquals("1g", options.heap());
        assertEquals("1g", options.limitHeap());
        assertFalse(options.distinctPayloads());
        assertEquals("cp", options.classpath());
        assertEquals("pp", options.processorPath());
        assertEquals(Path.of("target/bench-results"), options.output());
    }

    @Test
    void readsBothSpellingsOfEveryOption() {
        CompileOptions options = CompileOptions.parse(new String[] {"--sizes", "10, 20", "--repeat=5", "--limit", "1_200",
            "--heap", "768m", "--limit-heap=2g", "--payloads", "distinct", "--classpath=a:b", "--processor-path", "c",
            "--work", "w", "--out", "o"});
        assertEquals(List.of(10, 20), options.sizes());
        assertEquals(5, options.repeat());
        assertEquals(1_200, options.limit());
        assertEquals("768m", options.heap());
        assertEquals("2g", options.limitHeap());
        assertTrue(options.distinctPayloads());
        assertEquals("a:b", options.classpath());
        assertEquals(Path.of("w"), options.work());
        assertEquals(Path.of("o"), options.output());
    }

    @Test
    void noneAndZeroLeaveOutThePartsOfTheRun() {
        CompileOptions options = CompileOptions.parse(new String[] {"--sizes", "none", "--limit", "0", "--classpath", "cp",
            "--processor-path", "pp"});
        assertEquals(List.of(), options.sizes());
        assertEquals(0, options.limit());
    }

    @Test
    void badValuesSayWhatIsExpected() {
        assertEquals("--repeat must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> CompileOptions.parse(new String[] {"--repeat", "0"})).getMessage());
        assertEquals("--heap takes a size such as 1g or 768m, not '1 GB'",
                assertThrows(IllegalArgumentException.class, () -> CompileOptions.parse(new String[] {"--heap", "1 GB"})).getMessage());
        assertEquals("--payloads takes shared or distinct, not 'unique'",
                assertThrows(IllegalArgumentException.class, () -> CompileOptions.parse(new String[] {"--payloads", "unique"}))
                        .getMessage());
        assertEquals("--classpath and --processor-path are required (bench/run compile sets them)",
                assertThrows(IllegalArgumentException.class, () -> CompileOptions.parse(new String[0])).getMessage());
        assertEquals("unknown option --size (--help lists them)",
                assertThrows(IllegalArgumentException.class, () -> CompileOptions.parse(new String[] {"--size", "1"})).getMessage());
    }

    @Test
    void tasksAreTwentyPercentOfTheJobs() {
        assertEquals(50, CompileOptions.tasksFor(250));
        assertEquals(1_000, CompileOptions.tasksFor(5_000));
    }
}
