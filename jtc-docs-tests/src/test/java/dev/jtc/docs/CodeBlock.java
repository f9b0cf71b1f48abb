package dev.jtc.docs;

import java.util.Optional;

/**
 * One fenced code block of a markdown file: where it is, its language, its text, the marker
 * comment right above its opening fence, and whether it directly follows the block before it
 * (nothing but blank lines between them; a diagnostic's output block follows its code so).
 *
 * @param file the markdown file, relative to the repository root ({@code docs/jobs.md})
 * @param line the line of the opening fence, from 1
 * @param language the fence's info string ({@code java}, {@code xml}, empty for plain text)
 * @param code the lines between the fences, each ending in a newline
 * @param marker the marker above the fence, if there is one
 * @param followsPrevious whether only blank lines separate this block from the one before it
 */
record CodeBlock(String file, int line, String language, String code, Optional<Marker> marker, boolean followsPrevious) {

    /** The line of the block's first code line. */
    int firstCodeLine() {
        return line + 1;
    }

    /** {@code docs/jobs.md:143}, how tests and messages name the block. */
    String where() {
        return file + ":" + line;
    }
}
