package dev.jtc.bench.compile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timed compilations of one project size and what they come to: the median time of each
 * mode, its ratio to plain javac, and the shares: Dagger's (Dagger alone − javac) and jtc's own
 * (jtc + Dagger − Dagger alone), which also holds javac's work on the code jtc generates.
 *
 * @param seconds every compilation's time, by mode, in the order they ran
 * @param jtcProcessorSeconds the time of each compilation spent in jtc's processors' own code
 * @param daggerProcessorSeconds the same for Dagger's processor
 * @param classFiles the class files each mode wrote
 * @param peakHeapMb the largest heap any compilation of the mode used (the sum of the heap pools' peaks)
 * @param constantPools the constant-pool counts of the generated aggregates, by class
 * @param largestJtcMethod the largest method of a class jtc generated, with its size
 * @param largestDaggerMethod the same for Dagger
 */
record SizeFigures(int jobs, int tasks, Map<CompileMode, List<Double>> seconds, Map<CompileMode, List<Double>> jtcProcessorSeconds,
        Map<CompileMode, List<Double>> daggerProcessorSeconds, Map<CompileMode, Integer> classFiles,
        Map<CompileMode, Long> peakHeapMb, Map<String, Integer> constantPools, String largestJtcMethod, String largestDaggerMethod) {

    SizeFigures {
        seconds = copy(seconds);
        jtcProcessorSeconds = copy(jtcProcessorSeconds);
        daggerProcessorSeconds = copy(daggerProcessorSeconds);
        classFiles = Map.copyOf(classFiles);
        peakHeapMb = Map.copyOf(peakHeapMb);
        constantPools = Collections.unmodifiableMap(new LinkedHashMap<>(constantPools));
    }

    double median(CompileMode mode) {
        return median(seconds.getOrDefault(mode, List.of()));
    }

    /** The median time the mode's compilations spent in jtc's processors. */
    double jtcProcessors(CompileMode mode) {
        return median(jtcProcessorSeconds.getOrDefault(mode, List.of()));
    }

    /** The median time the mode's compilations spent in Dagger's processor. */
    double daggerProcessor(CompileMode mode) {
        return median(daggerProcessorSeconds.getOrDefault(mode, List.of()));
    }

    double min(CompileMode mode) {
        return seconds.getOrDefault(mode, List.of()).stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max(CompileMode mode) {
        return seconds.getOrDefault(mode, List.of()).stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The mode's median over plain javac's ({@code -proc:none}). */
    double ratioToJavac(CompileMode mode) {
        return median(mode) / median(CompileMode.JAVAC);
    }

    /** What jtc adds on top of Dagger alone, in seconds: its processors and javac's work on what they generate. */
    double jtcShare() {
        return median(CompileMode.JTC_DAGGER) - median(CompileMode.DAGGER);
    }

    /** What Dagger adds on top of plain javac, in seconds. */
    double daggerShare() {
        return median(CompileMode.DAGGER) - median(CompileMode.JAVAC);
    }

    /** jtc's share over Dagger's: issue 6's goal is at most 1. */
    double jtcShareToDaggerShare() {
        return jtcShare() / daggerShare();
    }

    private static Map<CompileMode, List<Double>> copy(Map<CompileMode, List<Double>> byMode) {
        Map<CompileMode, List<Double>> copy = new EnumMap<>(CompileMode.class);
        byMode.forEach((mode, values) -> copy.put(mode, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
