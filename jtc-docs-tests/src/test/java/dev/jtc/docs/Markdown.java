package dev.jtc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fenced code blocks of a markdown page (fences of three backticks at the start of a
 * line, as every page here writes them), with the marker comment right above each.
 */
final class Markdown {

    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

    private Markdown() {
    }

    /**
     * The blocks of {@code text}, the page {@code file} (relative to the repository root).
     *
     * @throws IllegalArgumentException for a fence that is never closed, a malformed marker, or a
     *     marker that is not right above a fence
     */
    static List<CodeBlock> blocks(String file, String text) {
        String[] lines = text.split("\n", -1);
        List<CodeBlock> blocks = new ArrayList<>();
        int lastBlockEnd = -1;
        for (int i = 0; i < lines.length; i++) {
            String where = file + ":" + (i + 1);
            Optional<Marker> marker = Marker.parse(lines[i], where);
            if (marker.isPresent()) {
                if (i + 1 >= lines.length || !FENCE.matcher(lines[i + 1]).matches()) {
                    throw new IllegalArgumentException(where + ": a marker belongs on the line right above a code block's opening fence");
                }
                continue;
            }
            Matcher fence = FENCE.matcher(lines[i]);
            if (!fence.matches()) {
                continue;
            }
            int close = i + 1;
            while (close < lines.length && !lines[close].startsWith("```")) {
                close++;
            }
            if (close >= lines.length) {
                throw new IllegalArgumentException(where + ": the code block opened here is never closed");
            }
            StringBuilder code = new StringBuilder();
            for (int j = i + 1; j < close; j++) {
                code.append(lines[j]).append('\n');
            }
            Optional<Marker> above = i > 0 ? Marker.parse(lines[i - 1], file + ":" + i) : Optional.empty();
            boolean follows = lastBlockEnd >= 0 && onlyBlankBetween(lines, lastBlockEnd, i);
            blocks.add(new CodeBlock(file, i + 1, fence.group(1), code.toString(), above, follows));
            lastBlockEnd = close;
            i = close;
        }
        return List.copyOf(blocks);
    }

    private static boolean onlyBlankBetween(String[] lines, int from, int to) {
        for (int k = from + 1; k < to; k++) {
            if (!lines[k].isBlank()) {
                return false;
            }
        }
        return true;
    }
}
