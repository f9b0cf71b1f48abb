package dev.jtc.bench.compile;

import dev.jtc.processor.large.GeneratedProject;
import java.util.List;

/**
 * The three ways the compile benchmark compiles one generated project. The user's code (jobs,
 * task classes, payload records) is the same in each; what differs is the processors and the one
 * file that stands for the application.
 */
enum CompileMode {

    /** jtc's two processors and Dagger's, as a jtc application builds: the {@code @JtcApplication} is compiled. */
    JTC_DAGGER("jtc+dagger", List.of("dev.jtc.processor.JtcProcessor", "dev.jtc.processor.JtcApplicationProcessor",
            "dagger.internal.codegen.ComponentProcessor")),

    /**
     * Dagger alone, over a hand-written component shaped as jtc's (a provision method per job and
     * per task): what Dagger costs for this application without jtc.
     */
    DAGGER("dagger", List.of("dagger.internal.codegen.ComponentProcessor")),

    /** {@code -proc:none}: javac on the user's code and the {@code @JtcApplication}, no processor. */
    JAVAC("javac", List.of());

    private final String key;
    private final List<String> processors;

    CompileMode(String key, List<String> processors) {
        this.key = key;
        this.processors = processors;
    }

    /** The mode's name in the results: {@code jtc+dagger}, {@code dagger}, {@code javac}. */
    String key() {
        return key;
    }

    /** The processors javac runs ({@code -processor}); none means {@code -proc:none}. */
    List<String> processors() {
        return processors;
    }

    /** The qualified name and code of the one source this mode adds to the user's code. */
    String applicationName() {
        return this == DAGGER ? GeneratedProject.daggerComponentName() : GeneratedProject.PACKAGE + "." + GeneratedProject.APPLICATION;
    }

    String applicationSource(GeneratedProject project) {
        return this == DAGGER ? project.daggerComponent() : project.application();
    }
}
