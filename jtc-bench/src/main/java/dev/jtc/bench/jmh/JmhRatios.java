package dev.jtc.bench.jmh;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JMH result file ({@code -rf json}) and prints each benchmark next to its baselines
 * from the same run, with the ratio jtc ÷ baseline. A benchmark class pairs them by name: the jtc
 * method is {@code <group>Jtc} and its baselines are the other {@code <group><Name>} methods
 * (the longest group wins, so {@code idTwoThreadsRandomUuid} belongs to {@code idTwoThreadsJtc}),
 * compared only with the same parameters.
 */
public final class JmhRatios {

    /** One benchmark result: class, method, parameters, score and error in {@code unit}. */
    record Score(String benchmarkClass, String method, String params, double score, double error, String unit) {}

    private JmhRatios() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JmhRatios <jmh-result.json> (the file JMH wrote with -rf json -rff ...)");
            System.exit(2);
        }
        System.out.print(render(read(Files.readString(Path.of(args[0])))));
    }

    static List<Score> read(String json) throws IOException {
        List<Score> scores = new ArrayList<>();
        try (JsonParser in = new JsonFactory().createParser(json)) {
            if (in.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JMH JSON result (it starts with " + in.currentToken() + ", not an array)");
            }
            while (in.nextToken() == JsonToken.START_OBJECT) {
                scores.add(readScore(in));
            }
        }
        return scores;
    }

    private static Score readScore(JsonParser in) throws IOException {
        String benchmark = "";
        StringBuilder params = new StringBuilder();
        double score = Double.NaN;
        double error = Double.NaN;
        String unit = "";
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "benchmark" -> benchmark = in.getText();
                case "params" -> {
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String name = in.currentName();
                        in.nextToken();
                        params.append(params.length() == 0 ? "" : ", ").append(name).append('=').append(in.getText());
                    }
                }
                case "primaryMetric" -> {
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String name = in.currentName();
                        in.nextToken();
                        switch (name) {
                            case "score" -> score = in.getDoubleValue();
                            case "scoreError" -> error = in.getValueAsDouble(Double.NaN);
                            case "scoreUnit" -> unit = in.getText();
                            default -> in.skipChildren();
                        }
                    }
                }
                default -> in.skipChildren();
            }
        }
        int dot = benchmark.lastIndexOf('.');
        String className = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
        return new Score(className, benchmark.substring(dot + 1), params.toString(), score, error, unit);
    }

    /** The jtc benchmark a baseline belongs to: the same class and parameters, the longest matching group. */
    static Optional<Score> jtcOf(Score baseline, List<Score> all) {
        if (baseline.method().endsWith("Jtc")) {
            return Optional.empty();
        }
        Score best = null;
        for (Score candidate : all) {
            String method = candidate.method();
            if (!method.endsWith("Jtc") || !candidate.benchmarkClass().equals(baseline.benchmarkClass())
                    || !candidate.params().equals(baseline.params())) {
                continue;
            }
            String group = method.substring(0, method.length() - "Jtc".length());
            boolean member = baseline.method().startsWith(group) && baseline.method().length() > group.length()
                    && Character.isUpperCase(baseline.method().charAt(group.length()));
            if (member && (best == null || group.length() > best.method().length() - "Jtc".length())) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    static String render(List<Score> scores) {
        Map<String, List<Score>> byJtc = new LinkedHashMap<>();
        List<Score> unpaired = new ArrayList<>();
        for (Score score : scores) {
            if (score.method().endsWith("Jtc")) {
                byJtc.computeIfAbsent(key(score), k -> new ArrayList<>()).add(0, score);
            }
        }
        for (Score score : scores) {
            if (!score.method().endsWith("Jtc")) {
                Optional<Score> jtc = jtcOf(score, scores);
                if (jtc.isPresent()) {
                    byJtc.get(key(jtc.get())).add(score);
                } else {
                    unpaired.add(score);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append("JMH average time per operation (lower is better); ratio = jtc ÷ baseline, below 1.00 jtc is faster\n\n");
        text.append(String.format(Locale.ROOT, "%-44s %-28s %26s %10s%n", "benchmark", "params", "score", "jtc ÷ this"));
        for (List<Score> group : byJtc.values()) {
            Score jtc = group.get(0);
            for (Score score : group) {
                String ratio = score == jtc ? "" : String.format(Locale.ROOT, "%.2f", jtc.score() / score.score());
                text.append(line(score, ratio));
            }
            text.append('\n');
        }
        for (Score score : unpaired) {
            text.append(line(score, "-"));
        }
        return text.toString();
    }

    private static String key(Score jtc) {
        return jtc.benchmarkClass() + "." + jtc.method() + "(" + jtc.params() + ")";
    }

    private static String line(Score score, String ratio) {
        String value = String.format(Locale.ROOT, "%.1f ± %.1f %s", score.score(), score.error(), score.unit());
        return String.format(Locale.ROOT, "%-44s %-28s %26s %10s%n", score.benchmarkClass() + "." + score.method(), score.params(),
                value, ratio);
    }
}
