package dev.jtc.processor.model;

import java.util.List;
import java.util.Set;

/**
 * Everything jtc found in one compilation, across all rounds so far, in a stable order (by
 * qualified name): the input to validation and to the writers' specs.
 *
 * @param sourceTypes the qualified names of the compilation's top-level classes, from its sources
 *     and from every source generated so far; a class jtc generates must not take one of them.
 *     Class files on the classpath are not among them: an earlier build's output must not change
 *     what jtc generates.
 */
public record CompilationModel(
        List<ApplicationDeclaration> applications,
        List<JobDeclaration> jobs,
        List<TaskDeclaration> tasks,
        Set<String> sourceTypes) {

    public CompilationModel {
        applications = List.copyOf(applications);
        jobs = List.copyOf(jobs);
        tasks = List.copyOf(tasks);
        sourceTypes = Set.copyOf(sourceTypes);
    }

    public boolean hasWork() {
        return !jobs.isEmpty() || !tasks.isEmpty();
    }
}
