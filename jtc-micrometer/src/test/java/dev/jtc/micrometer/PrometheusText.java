package dev.jtc.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, for tests: every line is a
 * {@code # HELP}, a {@code # TYPE} or a sample {@code name{label="value",...} number} of the
 * family declared last; anything else fails the test.
 */
final class PrometheusText {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)(?: -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Sample(String name, Map<String, String> labels, double value) {}

    record Family(String name, String type, List<Sample> samples) {

        double value(String sample, Map<String, String> labels) {
            return samples.stream().filter(s -> s.name().equals(sample) && s.labels().equals(labels)).findFirst()
                    .orElseThrow(() -> new AssertionError("no sample " + sample + labels + " in " + samples)).value();
        }
    }

    private PrometheusText() {}

    static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Family current = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m;
            if ((m = HELP.matcher(line)).matches()) {
                continue;
            }
            if ((m = TYPE.matcher(line)).matches()) {
                current = new Family(m.group(1), m.group(2), new ArrayList<>());
                assertTrue(families.put(current.name(), current) == null, "family declared twice: " + line);
                continue;
            }
            m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a Prometheus text line: " + line);
            assertNotNull(current, "a sample before any # TYPE: " + line);
            assertTrue(m.group(1).startsWith(current.name()), "sample " + m.group(1) + " outside its family " + current.name());
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null && !m.group(2).isEmpty()) {
                Matcher l = LABEL.matcher(m.group(2));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2));
                    end = l.end();
                }
                assertEquals(m.group(2).length(), end, "malformed labels: " + line);
            }
            current.samples().add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return families;
    }
}
