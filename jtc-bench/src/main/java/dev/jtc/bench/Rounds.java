package dev.jtc.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reduces several rounds of the same measurements to one row per system and phase: the median
 * round by the row's key figure (throughput, or p99 for latency phases). A real round is kept
 * whole rather than mixing figures of different rounds, and one round disturbed by something
 * else on the machine does not set the figures.
 */
final class Rounds {

    private Rounds() {}

    /** Throughput for throughput phases, p99 (µs) for latency phases. */
    static double keyFigure(Measurement m) {
        return m.latency().map(LatencySummary::p99).orElse(m.jobsPerSecond());
    }

    /** One row per system and phase, in the order of the first round: the median of the rounds that have it. */
    static List<Measurement> medians(List<List<Measurement>> rounds) {
        Map<String, List<Measurement>> rows = byRow(rounds);
        List<Measurement> medians = new ArrayList<>();
        for (List<Measurement> row : rows.values()) {
            List<Measurement> sorted = new ArrayList<>(row);
            sorted.sort(Comparator.comparingDouble(Rounds::keyFigure));
            medians.add(sorted.get((sorted.size() - 1) / 2));
        }
        return medians;
    }

    /** The smallest and largest key figure of {@code row}'s system and phase over the rounds. */
    static Optional<double[]> range(Measurement row, List<List<Measurement>> rounds) {
        List<Measurement> same = byRow(rounds).get(key(row));
        if (same == null || same.size() < 2) {
            return Optional.empty();
        }
        double min = same.stream().mapToDouble(Rounds::keyFigure).min().orElseThrow();
        double max = same.stream().mapToDouble(Rounds::keyFigure).max().orElseThrow();
        return Optional.of(new double[] {min, max});
    }

    private static Map<String, List<Measurement>> byRow(List<List<Measurement>> rounds) {
        Map<String, List<Measurement>> rows = new LinkedHashMap<>();
        for (List<Measurement> round : rounds) {
            for (Measurement m : round) {
                rows.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m);
            }
        }
        return rows;
    }

    private static String key(Measurement m) {
        return m.system() + "|" + m.phase().key();
    }
}
