package dev.jtc.runtime;

import dev.jtc.schedule.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How jtc writes job states, times and ages for people, so that the command line, {@code stats}
 * and the dashboard say the same thing the same way: a job {@code queued} in {@code jobs} is
 * {@code queued} on the dashboard, and {@code 2026-03-02T10:00:30Z} in {@code failed list} is the
 * same text in the dashboard's JSON.
 *
 * <ul>
 *   <li>States are {@link JobState}'s names in lower case: {@code scheduled}, {@code queued},
 *       {@code active}, {@code completed}, {@code failed}, {@code cancelled}.
 *   <li>Instants are ISO-8601 to the second, in UTC with {@code Z} ({@code 2026-03-02T10:00:30Z});
 *       a scheduled task's run times are written in the task's zone with its offset
 *       ({@code 2026-03-02T11:00:30+01:00}). Fractions of a second are cut off, not rounded.
 *   <li>Ages and spans are the duration's two largest units in jtc's short form ({@code 45s},
 *       {@code 5m30s}, {@code 3h5m}, {@code 2d4h}).
 * </ul>
 */
public final class DisplayFormat {

    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private DisplayFormat() {}

    /** {@code queued}, {@code scheduled}, ...: the state as every view and the JSON API name it. */
    public static String state(JobState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** {@code 2026-03-02T10:00:30Z}; an empty string for {@code null}. */
    public static String instant(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * {@code 2026-03-02T11:00:30+01:00}: the wall time in {@code zone} with its offset at that
     * instant ({@code Z} in UTC); an empty string for {@code null}.
     */
    public static String instant(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return WITH_OFFSET.format(ZonedDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone));
    }

    /** A zone's name: its id, and {@code UTC} rather than the offset id {@code Z}. */
    public static String zone(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /**
     * How long from {@code from} to {@code to}, in the duration's two largest units ({@code 3h5m});
     * {@code 0s} when {@code to} is not after {@code from}.
     */
    public static String span(Instant from, Instant to) {
        Duration span = Duration.between(from, to);
        return span(span.isNegative() ? Duration.ZERO : span);
    }

    /** {@code duration} to the second, in its two largest units ({@code 45s}, {@code 5m30s}, {@code 2d4h}). */
    public static String span(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long unit = seconds >= 86_400 ? 3_600 : seconds >= 3_600 ? 60 : 1;
        return Durations.format(Duration.ofSeconds(seconds - seconds % unit));
    }
}
