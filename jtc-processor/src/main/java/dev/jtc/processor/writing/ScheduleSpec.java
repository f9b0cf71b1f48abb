package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * One validated class with scheduled methods, with everything its own compilation writes for it:
 * its schedule ({@code <Owner>Schedule}) and its contribution marker.
 *
 * @param suppressedWarnings the lint categories the schedule suppresses because it names deprecated code
 * @param source as {@link JobSpec#source()}
 */
public record ScheduleSpec(
        ClassName owner,
        ClassName schedule,
        List<TaskSpec> tasks,
        List<String> suppressedWarnings,
        ClassName marker,
        String source,
        Element originatingElement) {

    public ScheduleSpec {
        tasks = List.copyOf(tasks);
        suppressedWarnings = List.copyOf(suppressedWarnings);
    }
}
