package dev.jtc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a block cut from real sources still matches them: its lines, in order, with
 * {@code ...} standing for whatever was left out (within a line or as a line of its own). Lines
 * follow each other directly unless a {@code ...} or a blank line is between them. Comments and
 * whitespace are ignored on both sides, so the block may add comments of its own and leave out
 * the sources' javadoc.
 */
final class Excerpt {

    private static final String ELLIPSIS = "...";

    private Excerpt() {
    }

    /**
     * Empty if {@code excerpt} matches {@code source}; otherwise the first line of the excerpt
     * (from 1) that no longer matches, after the lines before it did.
     */
    static Optional<Integer> firstMismatch(String excerpt, String source) {
        String normalizedSource = normalize(source);
        String[] original = excerpt.split("\n", -1);
        // comments go first, over the whole excerpt, so that a javadoc's inner lines go with it
        String[] lines = stripComments(excerpt).split("\n", -1);
        List<String> pieces = new ArrayList<>();
        boolean gap = false;
        for (int i = 0; i < lines.length; i++) {
            String line = normalize(lines[i]);
            if (line.isEmpty()) {
                // a blank line leaves room for what the excerpt skips; a comment-only line does not
                gap |= original[i].isBlank();
                continue;
            }
            pieces.add(gap && !pieces.isEmpty() ? ELLIPSIS + line : line);
            gap = false;
            if (!matches(pieces, normalizedSource)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static boolean matches(List<String> lines, String source) {
        StringBuilder regex = new StringBuilder();
        for (String line : lines) {
            String[] parts = line.split(Pattern.quote(ELLIPSIS), -1);
            for (int p = 0; p < parts.length; p++) {
                if (p > 0) {
                    regex.append(".*?");
                }
                regex.append(Pattern.quote(parts[p]));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(source).find();
    }

    /** The text without comments and without any whitespace (string literals keep their text, less its spaces). */
    static String normalize(String code) {
        StringBuilder out = new StringBuilder();
        appendWithoutWhitespace(out, stripComments(code));
        return out.toString();
    }

    /** The text without its comments; the newlines inside a comment stay, so lines keep their numbers. */
    static String stripComments(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(code, i, Math.min(end + 1, code.length()));
                i = end + 1;
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                i = end < 0 ? code.length() : end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                int stop = end < 0 ? code.length() : end + 2;
                code.substring(i, stop).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void appendWithoutWhitespace(StringBuilder out, String text) {
        for (char c : text.toCharArray()) {
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
    }
}
