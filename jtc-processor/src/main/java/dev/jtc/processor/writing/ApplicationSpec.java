package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jtc.processor.naming.GeneratedNames;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A validated application, ready to be written: everything the writers need, already decided
 * (names, order, durations, descriptions). It holds {@code Element}s only as originating elements.
 *
 * @param provisions the component's provision methods: one per job class and per task-owning class
 * @param suppressedWarnings the lint categories the dispatcher, dispatch table and component
 *     suppress because they name deprecated code
 * @param workerSuppressedWarnings the same for the worker, which names only the modules the
 *     application passes in
 */
public record ApplicationSpec(
        GeneratedNames names,
        ClassName application,
        List<JobSpec> jobs,
        List<TaskSpec> tasks,
        List<ModuleSpec> modules,
        List<ProvisionSpec> provisions,
        List<String> suppressedWarnings,
        List<String> workerSuppressedWarnings,
        List<Element> originatingElements) {

    public ApplicationSpec {
        jobs = List.copyOf(jobs);
        tasks = List.copyOf(tasks);
        modules = List.copyOf(modules);
        provisions = List.copyOf(provisions);
        suppressedWarnings = List.copyOf(suppressedWarnings);
        workerSuppressedWarnings = List.copyOf(workerSuppressedWarnings);
        originatingElements = List.copyOf(originatingElements);
    }

    /**
     * How javadoc names the application: a link when the generated package can see it, else its
     * name in code font (a package-private application class cannot be imported from elsewhere).
     */
    public CodeBlock applicationReference() {
        return application.packageName().equals(names.targetPackage())
                ? CodeBlock.of("{@link $T}", application)
                : CodeBlock.of("{@code $L}", application.canonicalName());
    }

    /** Whether some module must be handed in by the application, so there is no generated {@code main}. */
    public boolean needsModuleInstances() {
        return modules.stream().anyMatch(ModuleSpec::passedByApplication);
    }

    /**
     * A Dagger module listed on the application.
     *
     * @param passedByApplication whether Dagger needs an instance it cannot make itself, so the application
     *     hands one to the component's factory
     */
    public record ModuleSpec(ClassName type, boolean passedByApplication, String parameterName) {}

    /** One provision method of the component: {@code SendWelcomeEmail sendWelcomeEmail();}. */
    public record ProvisionSpec(ClassName type, String methodName, boolean job) {}
}
