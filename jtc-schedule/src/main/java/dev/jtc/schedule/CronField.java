package dev.jtc.schedule;

import java.util.List;
import java.util.Locale;

/**
 * The five fields of a Unix cron expression with their ranges and names, so that the parser,
 * the describer and the error messages all read the same table.
 */
enum CronField {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    // 0 and 7 are both Sunday, as in Vixie cron; 7 is folded onto 0 when values are stored.
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    private final String label;
    private final int min;
    private final int max;
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** The field's name in messages, e.g. "day-of-month". */
    String label() {
        return label;
    }

    int min() {
        return min;
    }

    int max() {
        return max;
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    /** The value a three-letter name stands for, or -1 if it is not one of this field's names. */
    int valueOfName(String name) {
        int index = names.indexOf(name.toUpperCase(Locale.ROOT));
        return index < 0 ? -1 : index + (this == MONTH ? 1 : 0);
    }

    /** The allowed values as a message shows them, e.g. "1-12 or JAN-DEC". */
    String rangeText() {
        return switch (this) {
            case MONTH -> "1-12 or JAN-DEC";
            case DAY_OF_WEEK -> "0-7 or SUN-SAT (0 and 7 are Sunday)";
            default -> min + "-" + max;
        };
    }

    /** The name list for a hint, e.g. "JAN, FEB, ..., DEC". */
    String namesText() {
        return String.join(", ", names);
    }
}
