package dev.jtc.schedule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the zone ids a rejected one most likely meant, among the ids {@link Zones} accepts:
 * {@code "PST"} gives {@code "America/Los_Angeles"}, {@code "CET"} {@code "Europe/Berlin"},
 * {@code "Japan"} {@code "Asia/Tokyo"}, {@code "europe/berlin"} and {@code "Berln"}
 * {@code "Europe/Berlin"}.
 *
 * <p>Abbreviations come from a table, since their letters say nothing about the id (by edit
 * distance {@code PST} is closest to {@code CET}, {@code EST} and {@code UTC}). A legacy id that
 * java.time still knows gets a region id with the same rules. Anything else is matched by
 * spelling, with a budget of edits that grows with the length written.
 */
final class ZoneSuggestions {

    private static final int MAX_EDITS = 3;

    /** Abbreviations and legacy System V ids, upper case, with the region ids people usually mean by them. */
    private static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("GMT", List.of("UTC", "Europe/London")),
            Map.entry("BST", List.of("Europe/London")),
            Map.entry("IST", List.of("Asia/Kolkata", "Europe/Dublin")),
            Map.entry("WET", List.of("Europe/Lisbon")),
            Map.entry("WEST", List.of("Europe/Lisbon")),
            Map.entry("CET", List.of("Europe/Berlin")),
            Map.entry("CEST", List.of("Europe/Berlin")),
            Map.entry("MET", List.of("Europe/Berlin")),
            Map.entry("MEST", List.of("Europe/Berlin")),
            Map.entry("EET", List.of("Europe/Athens")),
            Map.entry("EEST", List.of("Europe/Athens")),
            Map.entry("MSK", List.of("Europe/Moscow")),
            Map.entry("EST", List.of("America/New_York")),
            Map.entry("EDT", List.of("America/New_York")),
            Map.entry("EST5EDT", List.of("America/New_York")),
            Map.entry("CST", List.of("America/Chicago", "Asia/Shanghai")),
            Map.entry("CDT", List.of("America/Chicago")),
            Map.entry("CST6CDT", List.of("America/Chicago")),
            Map.entry("MST", List.of("America/Denver", "America/Phoenix")),
            Map.entry("MDT", List.of("America/Denver")),
            Map.entry("MST7MDT", List.of("America/Denver")),
            Map.entry("PST", List.of("America/Los_Angeles")),
            Map.entry("PDT", List.of("America/Los_Angeles")),
            Map.entry("PST8PDT", List.of("America/Los_Angeles")),
            Map.entry("AKST", List.of("America/Anchorage")),
            Map.entry("AKDT", List.of("America/Anchorage")),
            Map.entry("HST", List.of("Pacific/Honolulu")),
            Map.entry("AST", List.of("America/Halifax")),
            Map.entry("ADT", List.of("America/Halifax")),
            Map.entry("NST", List.of("America/St_Johns")),
            Map.entry("NDT", List.of("America/St_Johns")),
            Map.entry("BRT", List.of("America/Sao_Paulo")),
            Map.entry("ART", List.of("America/Argentina/Buenos_Aires")),
            Map.entry("JST", List.of("Asia/Tokyo")),
            Map.entry("KST", List.of("Asia/Seoul")),
            Map.entry("HKT", List.of("Asia/Hong_Kong")),
            Map.entry("SGT", List.of("Asia/Singapore")),
            Map.entry("PHT", List.of("Asia/Manila")),
            Map.entry("WIB", List.of("Asia/Jakarta")),
            Map.entry("ICT", List.of("Asia/Bangkok")),
            Map.entry("PKT", List.of("Asia/Karachi")),
            Map.entry("AEST", List.of("Australia/Sydney")),
            Map.entry("AEDT", List.of("Australia/Sydney")),
            Map.entry("ACST", List.of("Australia/Adelaide")),
            Map.entry("ACDT", List.of("Australia/Adelaide")),
            Map.entry("AWST", List.of("Australia/Perth")),
            Map.entry("NZST", List.of("Pacific/Auckland")),
            Map.entry("NZDT", List.of("Pacific/Auckland")),
            Map.entry("SAST", List.of("Africa/Johannesburg")),
            Map.entry("WAT", List.of("Africa/Lagos")),
            Map.entry("CAT", List.of("Africa/Maputo")),
            Map.entry("EAT", List.of("Africa/Nairobi")));

    /** The old names of UTC itself, upper case. */
    private static final List<String> UTC_NAMES = List.of("UT", "UCT", "GMT0", "ZULU", "UNIVERSAL", "GREENWICH");

    private ZoneSuggestions() {
    }

    /** Whether {@code written} is a time-zone abbreviation such as {@code PST} or {@code CET}. */
    static boolean isAbbreviation(String written) {
        return ABBREVIATIONS.containsKey(written.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether {@code written} is an old name of UTC such as {@code Zulu} or {@code UCT}. */
    static boolean isUtcName(String written) {
        return UTC_NAMES.contains(written.trim().toUpperCase(Locale.ROOT));
    }

    /** The ids {@code written} most likely meant, best first; empty if nothing comes close. */
    static List<String> forRejected(String written) {
        String upper = written.trim().toUpperCase(Locale.ROOT);
        List<String> listed = ABBREVIATIONS.get(upper);
        if (listed != null) {
            return listed.stream().filter(ZoneSuggestions::exists).toList();
        }
        if (UTC_NAMES.contains(upper)) {
            return List.of("UTC");
        }
        Optional<String> sameRules = regionWithSameRules(written.trim());
        if (sameRules.isPresent()) {
            return List.of(sameRules.get());
        }
        return closest(written).map(List::of).orElse(List.of());
    }

    /** A region id whose rules equal those of the legacy id {@code written}, preferring real places to {@code Etc/}. */
    private static Optional<String> regionWithSameRules(String written) {
        ZoneId legacy;
        try {
            legacy = ZoneId.of(written);
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
        String etc = null;
        for (String id : acceptedIds()) {
            if (!id.equals("UTC") && ZoneId.of(id).getRules().equals(legacy.getRules())) {
                if (!id.startsWith("Etc/")) {
                    return Optional.of(id);
                }
                etc = etc == null ? id : etc;
            }
        }
        return Optional.ofNullable(etc);
    }

    /** The accepted id spelled most like {@code written}: same letters in another case, the city alone, or a typo. */
    static Optional<String> closest(String written) {
        String wanted = written.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        int budget = Math.min(MAX_EDITS, wanted.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String id : acceptedIds()) {
            String candidate = id.toLowerCase(Locale.ROOT);
            if (candidate.equals(wanted)) {
                return Optional.of(id);
            }
            String city = candidate.substring(candidate.lastIndexOf('/') + 1);
            int distance = Math.min(editDistance(wanted, candidate), editDistance(wanted, city));
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        return bestDistance <= budget ? Optional.of(best) : Optional.empty();
    }

    /** Every id {@link Zones} accepts by name, sorted so that ties always resolve to the same id. */
    private static TreeSet<String> acceptedIds() {
        TreeSet<String> ids = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (Zones.isRegionId(id)) {
                ids.add(id);
            }
        }
        ids.add("UTC");
        return ids;
    }

    private static boolean exists(String id) {
        return ZoneId.getAvailableZoneIds().contains(id);
    }

    /** Levenshtein distance. */
    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
