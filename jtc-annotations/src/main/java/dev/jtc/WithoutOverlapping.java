package dev.jtc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code @Job} class: its attempts run one at a time per value of the payload parameter
 * {@link #key()}, across every worker process (or one at a time for the whole job without a key).
 * An attempt that would overlap waits, without counting as an attempt, until the running one
 * ends. If a worker dies mid-attempt, the hold lapses with its heartbeat. Example:
 * {@code @WithoutOverlapping(key = "orderId")}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WithoutOverlapping {

    /** The payload parameter whose value keys the one-at-a-time rule; empty for the whole job. */
    String key() default "";
}
