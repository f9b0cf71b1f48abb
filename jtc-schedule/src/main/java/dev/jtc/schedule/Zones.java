package dev.jtc.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The one rule for the zone a cron expression is read in, checked by the processor on
 * {@code @Cron(zone = ...)} and by the run time on every {@code ScheduledTask.cron}: a region id
 * of the form Area/City ({@code Europe/Berlin}, {@code America/New_York}), {@code UTC}, or a fixed
 * offset ({@code +01:00}, {@code UTC+01:00}).
 *
 * <p>The old ids without a region are rejected although java.time knows some of them:
 * abbreviations ({@code CET}, {@code EST}, {@code MST}, {@code PST8PDT}), other names of UTC
 * ({@code GMT0}, {@code Zulu}), country names ({@code Japan}, {@code Poland}) and
 * {@code SystemV/...}. What they mean is rarely what was meant, and depends on the JDK's
 * time-zone data: {@code EST} is a fixed -05:00 with no daylight saving in the database and
 * unknown to java.time on JDK 17, {@code CET} has the rules of Europe/Brussels, and {@code PST}
 * is no id at all. Each rejection names the region ids it most likely meant.
 */
public final class Zones {

    /** What to write instead, for the end of a message: "write " + ACCEPTED. */
    public static final String ACCEPTED =
            "a region id such as \"Europe/Berlin\" or \"America/New_York\", \"UTC\", or a fixed offset such as \"+01:00\"";

    private static final List<String> OFFSET_PREFIXES = List.of("UTC+", "UTC-", "GMT+", "GMT-", "UT+", "UT-");

    private Zones() {
    }

    /** Checks a zone as written, e.g. in {@code @Cron(zone = "Europe/Berlin")}, without throwing. */
    public static ZoneCheck check(String written) {
        if (written == null || written.isBlank()) {
            return ZoneCheck.invalid("is empty");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(written);
        } catch (DateTimeException unknown) {
            zone = null;
        }
        if (zone != null && isAccepted(zone)) {
            return ZoneCheck.valid(zone);
        }
        List<String> suggestions = ZoneSuggestions.forRejected(written);
        String hint = suggestions.isEmpty() ? "" : " (did you mean " + quoted(suggestions) + "?)";
        String problem;
        if (ZoneSuggestions.isAbbreviation(written)) {
            problem = "is a time-zone abbreviation, not a region id";
        } else if (ZoneSuggestions.isUtcName(written)) {
            problem = "is a legacy name of UTC, not a region id";
        } else if (zone != null) {
            problem = "is a legacy id, not a region id";
        } else {
            problem = "is not a time-zone id";
        }
        return ZoneCheck.invalid(problem + hint);
    }

    /** Whether {@code zone} follows the rule: a region id, UTC, or a fixed offset. */
    public static boolean isAccepted(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return true;
        }
        String id = zone.getId();
        return id.equals("UTC") || isRegionId(id) || OFFSET_PREFIXES.stream().anyMatch(id::startsWith);
    }

    /**
     * Returns {@code zone} if it follows the rule.
     *
     * @throws IllegalArgumentException saying what is wrong and what to write, as the processor does
     */
    public static ZoneId requireAccepted(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (isAccepted(zone)) {
            return zone;
        }
        throw new IllegalArgumentException("zone \"" + zone.getId() + "\" " + check(zone.getId()).error() + ": write "
                + ACCEPTED);
    }

    /** Area/City: {@code Europe/Berlin}, {@code America/Argentina/Buenos_Aires}, {@code Etc/UTC}; not {@code SystemV/EST5}. */
    static boolean isRegionId(String id) {
        return id.indexOf('/') > 0 && !id.startsWith("SystemV/");
    }

    /** {@code "a"}, {@code "a" or "b"}. */
    private static String quoted(List<String> ids) {
        return CronDescriber.joinWith(ids.stream().map(id -> "\"" + id + "\"").toList(), "or");
    }
}
