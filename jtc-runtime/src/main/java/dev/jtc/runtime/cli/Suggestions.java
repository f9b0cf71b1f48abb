package dev.jtc.runtime.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...?" for a mistyped command, option or job name: the known names within a small
 * edit distance of what was typed, where swapping two neighbouring letters counts as one edit
 * ({@code wrok} is one edit from {@code work}), and names that contain what was typed or are
 * contained in it ({@code sendmail} and {@code SendMail}, {@code dash} and {@code dashboard}).
 * Case is ignored.
 */
final class Suggestions {

    private Suggestions() {}

    /** The names of {@code known} close to {@code typed}, closest first; empty if none is close. */
    static List<String> closeTo(String typed, Collection<String> known) {
        String wanted = bare(typed);
        if (wanted.isEmpty()) {
            return List.of();
        }
        int allowed = wanted.length() <= 3 ? 1 : 2;
        record Match(String name, int distance) {}
        List<Match> matches = new ArrayList<>();
        for (String name : known) {
            String candidate = bare(name);
            if (candidate.isEmpty()) {
                continue;
            }
            int distance = distance(wanted, candidate);
            boolean contained = (wanted.length() >= 3 && candidate.contains(wanted))
                    || (candidate.length() >= 3 && wanted.contains(candidate));
            if (distance <= allowed || contained) {
                matches.add(new Match(name, distance));
            }
        }
        return matches.stream()
                .sorted(Comparator.comparingInt(Match::distance).thenComparing(Match::name))
                .map(Match::name)
                .distinct()
                .toList();
    }

    /** "'work'", "'work' or 'list'", "'a', 'b' or 'c'": the names quoted, for a hint. */
    static String quoted(List<String> names) {
        List<String> quoted = names.stream().map(name -> "'" + name + "'").toList();
        if (quoted.size() <= 1) {
            return String.join("", quoted);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    /** Lower case, without the dashes that start an option: {@code --Queues} compares as {@code queues}. */
    private static String bare(String name) {
        int start = 0;
        while (start < name.length() && name.charAt(start) == '-') {
            start++;
        }
        return name.substring(start).toLowerCase(Locale.ROOT);
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}: the optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
