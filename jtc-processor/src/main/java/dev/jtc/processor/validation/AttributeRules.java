package dev.jtc.processor.validation;

import dev.jtc.processor.model.Attribute;
import dev.jtc.schedule.Names;
import dev.jtc.schedule.DurationCheck;
import dev.jtc.schedule.Durations;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The attribute rules that {@code @Job}, {@code @Cron} and {@code @Every} share: names and queues
 * in {@code [A-Za-z0-9._-]} and at most {@link Names#MAX_LENGTH} characters long, durations that parse, retries that are not negative.
 */
final class AttributeRules {

    private final Report report;

    AttributeRules(Report report) {
        this.report = report;
    }

    /** Checks a name (explicit or the default) and says what to write if it is invalid. */
    void name(String kindOfThing, String name, Attribute<String> attribute, Element element, AnnotationMirror annotation, String owner) {
        if (!Names.hasValidCharacters(name)) {
            report.error(Message.INVALID_NAME, element, annotation, attribute, kindOfThing, name, owner, sanitize(name));
        } else if (name.length() > Names.MAX_LENGTH) {
            report.error(Message.NAME_TOO_LONG, element, annotation, attribute, kindOfThing + " name", Names.shortened(name), owner,
                    name.length(), Names.MAX_LENGTH, "name", shorten(name));
        }
    }

    void queue(Attribute<String> queue, Element element, AnnotationMirror annotation, String owner) {
        if (!Names.hasValidCharacters(queue.value())) {
            report.error(Message.INVALID_QUEUE, element, annotation, queue, queue.value(), owner, sanitize(queue.value()));
        } else if (queue.value().length() > Names.MAX_LENGTH) {
            report.error(Message.NAME_TOO_LONG, element, annotation, queue, "queue", Names.shortened(queue.value()), owner,
                    queue.value().length(), Names.MAX_LENGTH, "queue", shorten(queue.value()));
        }
    }

    void retries(Attribute<Integer> retries, Element element, AnnotationMirror annotation, String owner) {
        if (retries.value() < 0) {
            report.error(Message.INVALID_RETRIES, element, annotation, retries, retries.value(), owner);
        }
    }

    /**
     * Parses an optional duration attribute ({@code timeout}); empty text means "not set".
     * Returns the duration if it is valid and positive.
     */
    Optional<Duration> optionalDuration(String attributeName, Attribute<String> attribute, Element element,
            AnnotationMirror annotation, String owner) {
        if (attribute.value().isEmpty()) {
            return Optional.empty();
        }
        return positiveDuration(attributeName + " = \"" + attribute.value() + "\"", attribute, element, annotation, owner);
    }

    /** Parses a duration that must be present and longer than zero. */
    Optional<Duration> positiveDuration(String written, Attribute<String> attribute, Element element,
            AnnotationMirror annotation, String owner) {
        DurationCheck check = Durations.check(attribute.value());
        if (!check.isValid()) {
            report.error(Message.INVALID_DURATION, element, annotation, attribute, written, owner, check.error());
            return Optional.empty();
        }
        if (!Durations.isPositive(check.duration())) {
            report.error(Message.INVALID_DURATION, element, annotation, attribute, written, owner,
                    "the duration must be longer than zero; write e.g. 30s, 5m or 1h");
            return Optional.empty();
        }
        return Optional.of(check.duration());
    }

    /** A suggestion for an invalid name: accents dropped ({@code Prüfung} gives {@code Prufung}), every other character '-'. */
    /** A suggestion within the length limit: the name cut to it. */
    private static String shorten(String name) {
        return name.substring(0, Names.MAX_LENGTH);
    }

    static String sanitize(String name) {
        String unaccented = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String replaced = unaccented.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return replaced.isEmpty() ? "my-name" : replaced;
    }
}
