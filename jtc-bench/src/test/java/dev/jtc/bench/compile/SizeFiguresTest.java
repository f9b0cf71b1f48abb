package dev.jtc.bench.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SizeFiguresTest {

    private static final SizeFigures FIGURES = new SizeFigures(1_000, 200,
            Map.of(CompileMode.JAVAC, List.of(6.0, 5.0, 7.0),
                    CompileMode.DAGGER, List.of(20.0, 18.0, 30.0),
                    CompileMode.JTC_DAGGER, List.of(40.0, 33.0, 32.0)),
            Map.of(CompileMode.JAVAC, List.of(0.0, 0.0, 0.0), CompileMode.DAGGER, List.of(0.0, 0.0, 0.0),
                    CompileMode.JTC_DAGGER, List.of(5.0, 4.0, 6.0)),
            Map.of(CompileMode.JAVAC, List.of(0.0, 0.0, 0.0), CompileMode.DAGGER, List.of(7.0, 6.0, 8.0),
                    CompileMode.JTC_DAGGER, List.of(8.0, 7.0, 9.0)),
            Map.of(CompileMode.JAVAC, 1_100, CompileMode.DAGGER, 3_200, CompileMode.JTC_DAGGER, 6_400),
            Map.of(CompileMode.JAVAC, 60L, CompileMode.DAGGER, 300L, CompileMode.JTC_DAGGER, 600L),
            Map.of("BigAppJobs", 5_100), "m: 4146 bytes", "d: 26 bytes");

    @Test
    void eachModeIsItsMedianAndItsRatioToJavac() {
        assertEquals(6.0, FIGURES.median(CompileMode.JAVAC));
        assertEquals(20.0, FIGURES.median(CompileMode.DAGGER));
        assertEquals(33.0, FIGURES.median(CompileMode.JTC_DAGGER));
        assertEquals(5.5, FIGURES.ratioToJavac(CompileMode.JTC_DAGGER), 1e-9);
        assertEquals(18.0, FIGURES.min(CompileMode.DAGGER));
        assertEquals(5.0, FIGURES.jtcProcessors(CompileMode.JTC_DAGGER));
        assertEquals(7.0, FIGURES.daggerProcessor(CompileMode.DAGGER));
        assertEquals(30.0, FIGURES.max(CompileMode.DAGGER));
    }

    @Test
    void theSharesAreTheDifferencesOfTheMedians() {
        assertEquals(14.0, FIGURES.daggerShare(), 1e-9);
        assertEquals(13.0, FIGURES.jtcShare(), 1e-9);
        assertEquals(13.0 / 14.0, FIGURES.jtcShareToDaggerShare(), 1e-9);
    }

    @Test
    void anEvenNumberOfRunsTakesTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, SizeFigures.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertTrue(Double.isNaN(SizeFigures.median(List.of())));
    }

    @Test
    void theCsvHasARowPerMode() {
        assertEquals("""
                jobs,tasks,mode,median_s,min_s,max_s,ratio_to_javac,share_s,jtc_processors_s,dagger_processor_s,class_files,peak_heap_mb
                1000,200,jtc+dagger,33.000,32.000,40.000,5.500,13.000,5.000,8.000,6400,600
                1000,200,dagger,20.000,18.000,30.000,3.333,14.000,0.000,7.000,3200,300
                1000,200,javac,6.000,5.000,7.000,1.000,6.000,0.000,0.000,1100,60
                """, CompileResultFiles.csv(List.of(FIGURES)));
    }

    @Test
    void timedCompileReportsEachProcessorsMilliseconds() {
        ProjectCompiler.Outcome outcome = new ProjectCompiler.Outcome(CompileMode.JTC_DAGGER, 0, 30_000, 900, 600,
                ProjectCompiler.processorMillis("dev.jtc.processor.JtcProcessor:812.5,dev.jtc.processor.JtcApplicationProcessor:187.5,"
                        + "dagger.internal.codegen.ComponentProcessor:4000.0"), 5_733, Path.of("out"), List.of());
        assertEquals(1_000.0, outcome.jtcProcessorMillis(), 1e-9);
        assertEquals(4_000.0, outcome.daggerProcessorMillis(), 1e-9);
        assertEquals(Map.of(), ProjectCompiler.processorMillis(""));
    }
}
