package dev.jtc.bench.compile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compile-and-run project (5,000 jobs and 1,000 tasks by default): whether it compiled, what
 * javac said if not, how large the generated code is, and whether the generated worker ran it.
 *
 * @param errors javac's (or the JVM's) error lines when the compilation failed
 * @param methodsOverLimit every method jtc generated at or over 8,000 bytes of bytecode
 * @param constantPools the constant-pool counts of the generated aggregates and Dagger's component, by class
 * @param largestJtcConstantPool the class jtc generated with the most constants, and the count
 * @param run what ran through {@code BigAppWorker.definition()}, or null if the compilation failed
 */
record LimitFigures(int jobs, int tasks, String heap, ProjectCompiler.Outcome compile, List<String> errors, int jtcClasses,
        List<String> methodsOverLimit, String largestJtcMethod, String largestDaggerMethod, Map<String, Integer> constantPools,
        String largestJtcConstantPool, ApplicationRun run) {

    LimitFigures {
        errors = List.copyOf(errors);
        methodsOverLimit = List.copyOf(methodsOverLimit);
        constantPools = Collections.unmodifiableMap(new LinkedHashMap<>(constantPools));
    }

    /** It compiled, no generated method reached the limit, and everything it ran did what it should. */
    boolean passed() {
        return compile.succeeded() && methodsOverLimit.isEmpty() && run != null && run.problems().isEmpty()
                && run.jobTypes() == jobs && run.tasks() == tasks;
    }
}
