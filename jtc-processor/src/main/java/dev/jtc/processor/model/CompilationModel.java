package dev.jtc.processor.model;

import java.util.List;

/**
 * Everything jtc found in one compilation, across all rounds so far, in a stable order (by
 * qualified name): the input to validation and to the writers' specs.
 */
public record CompilationModel(
        List<ApplicationDeclaration> applications,
        List<JobDeclaration> jobs,
        List<TaskDeclaration> tasks) {

    public CompilationModel {
        applications = List.copyOf(applications);
        jobs = List.copyOf(jobs);
        tasks = List.copyOf(tasks);
    }

    public boolean hasWork() {
        return !jobs.isEmpty() || !tasks.isEmpty();
    }
}
