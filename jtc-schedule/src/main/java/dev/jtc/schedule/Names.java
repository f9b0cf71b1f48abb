package dev.jtc.schedule;

import java.util.regex.Pattern;

/**
 * The one rule for job names, task names and queue names: they become parts of Redis keys, so
 * they are short and made of safe characters. The annotation processor, the runtime's dispatch
 * and the Redis broker's scripts apply the same rule (see {@code docs/wire-protocol.md}).
 */
public final class Names {

    /** Characters allowed in job, task and queue names. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]+");

    /** The longest name, in characters (all of them ASCII): long enough for {@code ClassName.methodName}. */
    public static final int MAX_LENGTH = 200;

    private Names() {}

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches();
    }

    /** Whether {@code name} has only allowed characters (it may still be too long). */
    public static boolean hasValidCharacters(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns {@code name}, or throws saying which characters and how many are allowed. */
    public static String requireValid(String what, String name) {
        if (!hasValidCharacters(name)) {
            throw new IllegalArgumentException(what + " '" + shortened(name) + "' may only contain letters, digits, '.', '_'"
                    + " and '-'");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " '" + shortened(name) + "' is " + name.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        return name;
    }

    /**
     * Which of {@code parts} (a power of two) a name falls in when a large application's dispatch
     * table is split: the processor writes each part's names with this, and the generated table
     * looks a name up with it. The hash's high bits are folded in, so that names that differ only
     * at the end ({@code Job0041}, {@code Job0042}) still spread evenly.
     */
    public static int tablePart(String name, int parts) {
        int hash = name.hashCode();
        return (hash ^ (hash >>> 16)) & (parts - 1);
    }

    /** {@code text} cut to 60 characters for a message, so that a 5 MB name does not make a 5 MB message. */
    public static String shortened(String text) {
        if (text == null || text.length() <= 60) {
            return text;
        }
        return text.substring(0, 60) + "... (" + text.length() + " characters)";
    }
}
