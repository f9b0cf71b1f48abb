package dev.jtc.schedule;

import java.util.regex.Pattern;

/** The one rule for job names and queue names: they become parts of Redis keys. */
public final class Names {

    /** Characters allowed in job, task and queue names. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]+");

    private Names() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Returns {@code name}, or throws saying which characters are allowed. */
    public static String requireValid(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' may only contain letters, digits, '.', '_' and '-'");
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
}
