package dev.jtc.processor.writing;

import java.time.Duration;
import javax.lang.model.element.Element;

/**
 * One validated {@code @Cron} or {@code @Every} method.
 *
 * @param zone the zone id as written; empty for UTC (unset) and for {@code @Every}
 * @param interval the parsed interval of an {@code @Every}; {@code null} for {@code @Cron}
 * @param describedSchedule the schedule in plain words, from the runtime's own describer
 * @param timeout {@link Duration#ZERO} when the task has none
 * @param constant the name of its {@code ScheduledTask} constant in the owner's schedule
 * @param runner the name of the schedule's static method that runs one tick: the method's own name
 */
public record TaskSpec(
        String wireName,
        boolean cron,
        String expression,
        String zone,
        Duration interval,
        String describedSchedule,
        String description,
        String missed,
        boolean overlap,
        String queue,
        int retries,
        Duration timeout,
        String methodName,
        boolean takesContext,
        String constant,
        String runner,
        Element originatingElement) {}
