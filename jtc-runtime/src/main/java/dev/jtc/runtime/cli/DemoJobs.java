package dev.jtc.runtime.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The jobs {@code demo} dispatches. They come from the classpath resource {@value #RESOURCE},
 * one job per line as {@code <jobName> <json payload>} (the payload may be left out for
 * {@code {}}; blank lines and lines starting with {@code #} are ignored), and from
 * {@code --job name=json} options.
 *
 * <pre>
 * # jtc-demo.jobs
 * SendOrderConfirmation {"order":{"id":1001,"email":"ada@example.com"}}
 * ChargePayment {"orderId":1001,"amount":"19.99","currency":"EUR"}
 * </pre>
 */
final class DemoJobs {

    static final String RESOURCE = "jtc-demo.jobs";

    /** One job to dispatch; {@code source} says where it was written, for error messages. */
    record DemoJob(String name, String payload, String source) {

        /** Whether it came from a {@code --job} option rather than the demo file. */
        boolean fromOption() {
            return source.startsWith("--job ");
        }
    }

    private DemoJobs() {}

    /** The jobs listed in {@value #RESOURCE} on the classpath; none if there is no such resource. */
    static List<DemoJob> fromResource(ClassLoader loader) {
        URL url = loader.getResource(RESOURCE);
        if (url == null) {
            return List.of();
        }
        try (InputStream in = url.openStream()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    /** Parses the resource's text. */
    static List<DemoJob> parse(String text, String sourceName) {
        List<DemoJob> jobs = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int space = indexOfWhitespace(trimmed);
                String name = space < 0 ? trimmed : trimmed.substring(0, space);
                String payload = space < 0 ? "{}" : trimmed.substring(space).strip();
                jobs.add(new DemoJob(name, payload, sourceName + " line " + number));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jobs;
    }

    /** Reads a {@code --job name=json} option; a bare {@code name} means an empty payload. */
    static DemoJob fromOption(String option) {
        int equals = option.indexOf('=');
        if (equals < 0 && !option.isBlank()) {
            return new DemoJob(option.strip(), "{}", "--job " + option);
        }
        if (equals <= 0) {
            throw new UsageException("--job '" + option + "' must be name=json", "write e.g. --job 'SendMail={\"userId\":42}'");
        }
        String payload = option.substring(equals + 1).strip();
        return new DemoJob(option.substring(0, equals).strip(), payload.isEmpty() ? "{}" : payload, "--job " + option);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
