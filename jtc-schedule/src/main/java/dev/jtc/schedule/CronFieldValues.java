package dev.jtc.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The values one field of a parsed cron expression allows, as a bit set (bit {@code n} set means
 * value {@code n} matches), with the text and items it was written as. Day-of-week 7 is stored as 0.
 */
final class CronFieldValues {

    private final CronField field;
    private final String text;
    private final long bits;
    private final List<CronTerm> terms;

    CronFieldValues(CronField field, String text, long bits, List<CronTerm> terms) {
        this.field = field;
        this.text = text;
        this.bits = bits;
        this.terms = List.copyOf(terms);
    }

    String text() {
        return text;
    }

    long bits() {
        return bits;
    }

    boolean has(int value) {
        return value >= 0 && value < 64 && (bits >>> value & 1L) != 0;
    }

    /**
     * Whether the field was written starting with {@code *}; Vixie cron's day-of-month /
     * day-of-week rule looks at exactly this, not at the values.
     */
    boolean starPrefixed() {
        return text.startsWith("*");
    }

    /** Whether every value of the field's range matches. */
    boolean coversAll() {
        int last = field == CronField.DAY_OF_WEEK ? 6 : field.max();
        for (int value = field.min(); value <= last; value++) {
            if (!has(value)) {
                return false;
            }
        }
        return true;
    }

    int count() {
        return Long.bitCount(bits);
    }

    int first() {
        return Long.numberOfTrailingZeros(bits);
    }

    List<Integer> values() {
        List<Integer> values = new ArrayList<>(count());
        for (long rest = bits; rest != 0; rest &= rest - 1) {
            values.add(Long.numberOfTrailingZeros(rest));
        }
        return values;
    }

    /** The single stepped item this field consists of, if that is how it was written. */
    CronTerm singleSteppedTerm() {
        if (terms.size() == 1 && terms.get(0).step() > 1) {
            return terms.get(0);
        }
        return null;
    }
}
