package dev.jtc.processor.validation;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the valid zone id a mistyped one most likely meant: {@code "europe/berlin"} gives
 * {@code "Europe/Berlin"}, {@code "Berlin"} gives {@code "Europe/Berlin"}, {@code "Europe/Berln"}
 * gives {@code "Europe/Berlin"}.
 */
final class ZoneSuggestions {

    private static final int MAX_EDITS = 3;

    private ZoneSuggestions() {
    }

    static Optional<String> closest(String written) {
        String wanted = written.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        // Sorted, so that ties always resolve to the same id.
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            String candidate = id.toLowerCase(Locale.ROOT);
            if (candidate.equals(wanted)) {
                return Optional.of(id);
            }
            int slash = candidate.lastIndexOf('/');
            int distance = slash >= 0 && candidate.substring(slash + 1).equals(wanted) ? 0 : editDistance(wanted, candidate);
            if (distance < bestDistance) {
                best = id;
                bestDistance = distance;
            }
        }
        return bestDistance <= MAX_EDITS ? Optional.of(best) : Optional.empty();
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
