package dev.jtc.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One class with {@code @Cron}/{@code @Every} methods, as its own compilation saw it: the class,
 * its generated schedule, and per task its name on the wire and the schedule's method that runs
 * it. Generated code only.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TaskContribution {

    /** The class that owns the scheduled methods, by canonical name. */
    String owner();

    /** Its generated schedule, by canonical name, which holds the tasks and the methods that run them. */
    String schedule();

    /** The tasks' names on the wire, in the schedule's order. */
    String[] tasks();

    /** For each of {@link #tasks()}, the name of the schedule's static method that runs one tick of it. */
    String[] runners();

    /** As {@link JobContribution#source()}. */
    String source() default "";
}
