package dev.jtc.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where a {@code @JtcApplication} was compiled to: when a later compilation of the same output
 * recompiles only some jobs, the processor finds the application through this marker and writes
 * its aggregate classes again. Generated code only.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ApplicationContribution {

    /** The {@code @JtcApplication} class, by canonical name. */
    String application();

    /** As {@link JobContribution#source()}. */
    String source() default "";
}
