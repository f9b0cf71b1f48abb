package dev.jtc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lays the measurements out as a text table, phase by phase, each row with its absolute figures
 * and its ratio to the {@link RedisFloor} row of the same phase in the same run: throughput as
 * "× floor" (higher is better), latency percentiles as "× floor" too (lower is better).
 */
final class ResultTable {

    private static final String[] HEADER = {"phase", "system", "jobs", "jobs/s", "× floor", "p50 ms", "p99 ms", "p99.9 ms",
        "p99 × floor", "enqueue p99 ms", "lag p99 ms", "redis µs/job", "client µs/job", "rounds' range"};

    private ResultTable() {}

    /** The ratio of a row's throughput to the floor's in the same phase, if the floor ran that phase. */
    static Optional<Double> throughputRatio(Measurement row, List<Measurement> all) {
        return floor(row.phase(), all).filter(f -> f.jobsPerSecond() > 0).map(f -> row.jobsPerSecond() / f.jobsPerSecond());
    }

    /** The ratio of a row's p99 latency to the floor's in the same phase. */
    static Optional<Double> p99Ratio(Measurement row, List<Measurement> all) {
        Optional<Measurement> floor = floor(row.phase(), all);
        if (floor.isEmpty() || row.latency().isEmpty() || floor.get().latency().isEmpty() || floor.get().latency().get().p99() == 0) {
            return Optional.empty();
        }
        return Optional.of(row.latency().get().p99() / floor.get().latency().get().p99());
    }

    static String render(List<Measurement> measurements) {
        return render(measurements, List.of(measurements));
    }

    /**
     * The table of {@code measurements} (one round, or each row's median round); with several
     * {@code rounds} the last column shows the range of the row's key figure over them (jobs/s,
     * or p99 ms for latency phases).
     */
    static String render(List<Measurement> measurements, List<List<Measurement>> rounds) {
        Map<Phase, List<Measurement>> byPhase = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byPhase.computeIfAbsent(m.phase(), p -> new ArrayList<>()).add(m);
        }
        List<String[]> rows = new ArrayList<>();
        for (List<Measurement> phaseRows : byPhase.values()) {
            for (Measurement m : phaseRows) {
                Optional<LatencySummary> latency = m.latency();
                rows.add(new String[] {
                    m.phase().label(),
                    m.system(),
                    String.format(Locale.ROOT, "%,d", m.jobs()),
                    String.format(Locale.ROOT, "%,.0f", m.jobsPerSecond()),
                    latency.isPresent() ? "" : throughputRatio(m, measurements).map(ResultTable::ratio).orElse("-"),
                    latency.map(l -> millis(l.p50())).orElse(""),
                    latency.map(l -> millis(l.p99())).orElse(""),
                    latency.map(l -> millis(l.p999())).orElse(""),
                    latency.isPresent() ? p99Ratio(m, measurements).map(ResultTable::ratio).orElse("-") : "",
                    latency.map(l -> millis(l.enqueueP99())).orElse(""),
                    latency.map(l -> millis(l.lagP99())).orElse(""),
                    micros(m.cpu().redisMicros()),
                    micros(m.cpu().clientMicros()),
                    Rounds.range(m, rounds).map(r -> latency.isPresent()
                            ? millis(r[0]) + "–" + millis(r[1])
                            : String.format(Locale.ROOT, "%,.0f–%,.0f", r[0], r[1])).orElse("")
                });
            }
        }
        return layout(rows);
    }

    private static Optional<Measurement> floor(Phase phase, List<Measurement> all) {
        return all.stream().filter(m -> m.phase().equals(phase) && m.system().equals(LoadOptions.FLOOR)).findFirst();
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String micros(double micros) {
        return Double.isNaN(micros) ? "-" : String.format(Locale.ROOT, "%.1f", micros);
    }

    private static String millis(double micros) {
        return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
    }

    private static String layout(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        List<String[]> all = new ArrayList<>();
        all.add(HEADER);
        all.addAll(rows);
        for (String[] row : all) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        String previousPhase = null;
        for (String[] row : all) {
            if (previousPhase != null && !previousPhase.equals(row[0]) && row != HEADER) {
                text.append('\n');
            }
            for (int c = 0; c < row.length; c++) {
                String cell = c == 0 && row[0].equals(previousPhase) ? "" : row[c];
                // Text columns are left-aligned, figures right-aligned.
                text.append(c < 2 ? pad(cell, widths[c], false) : pad(cell, widths[c], true)).append(c + 1 < row.length ? "  " : "");
            }
            text.append('\n');
            if (row == HEADER) {
                text.append("-".repeat(widths.length * 2 + java.util.Arrays.stream(widths).sum() - 2)).append('\n');
            } else {
                previousPhase = row[0];
            }
        }
        return text.toString();
    }

    private static String pad(String cell, int width, boolean right) {
        String space = " ".repeat(width - cell.length());
        return right ? space + cell : cell + space;
    }
}
