package dev.jtc.schedule;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The outcome of checking a zone as written in {@code @Cron(zone = ...)}, without throwing: the
 * {@link ZoneId}, or what is wrong with it. The processor reports the problem on the annotation
 * value; {@link Zones#requireAccepted} throws it at run time.
 */
public final class ZoneCheck {

    private final ZoneId zone;
    private final String error;

    private ZoneCheck(ZoneId zone, String error) {
        this.zone = zone;
        this.error = error;
    }

    static ZoneCheck valid(ZoneId zone) {
        return new ZoneCheck(Objects.requireNonNull(zone), null);
    }

    static ZoneCheck invalid(String error) {
        return new ZoneCheck(null, Objects.requireNonNull(error));
    }

    public boolean isValid() {
        return zone != null;
    }

    /** The zone; only for a valid check. */
    public ZoneId zone() {
        if (zone == null) {
            throw new IllegalStateException("invalid zone: " + error);
        }
        return zone;
    }

    /**
     * What is wrong, said of the zone as written and with the ids it most likely meant, e.g. "is a
     * time-zone abbreviation, not a region id (did you mean "America/Los_Angeles"?)"; only for an
     * invalid check. Messages put the zone before it: {@code zone "PST" is ...}.
     */
    public String error() {
        if (error == null) {
            throw new IllegalStateException("zone " + zone + " is valid");
        }
        return error;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + zone : "invalid: " + error;
    }
}
