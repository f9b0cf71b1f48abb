package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.jtc.processor.naming.GeneratedNames;
import java.util.List;
import javax.lang.model.element.Element;

/**
 * A validated application, ready to be written: everything the writers need, already decided
 * (names, order), built from the contributions of every job and task however they were compiled.
 * It holds {@code Element}s only as originating elements.
 *
 * @param jobs in a stable order: by package, then by name
 * @param tasks in a stable order: by owner, then by the owner's schedule order
 * @param schedules the owners' generated schedules, in the order of {@code tasks}
 * @param middleware every middleware class some job or task runs through, once each, by canonical name
 * @param suppressedWarnings the lint categories the dispatcher, dispatch table and component
 *     suppress because they name deprecated code
 * @param workerSuppressedWarnings the same for the worker, which names only the modules the
 *     application passes in
 * @param marker the application's contribution marker, so a later partial build finds it
 * @param source the application's source relative to the class output, or empty
 */
public record ApplicationSpec(
        GeneratedNames names,
        ClassName application,
        List<JobEntry> jobs,
        List<TaskEntry> tasks,
        List<ClassName> schedules,
        List<MiddlewareEntry> middleware,
        List<ModuleSpec> modules,
        List<String> suppressedWarnings,
        List<String> workerSuppressedWarnings,
        List<Element> originatingElements,
        ClassName marker,
        String source) {

    public ApplicationSpec {
        jobs = List.copyOf(jobs);
        tasks = List.copyOf(tasks);
        schedules = List.copyOf(schedules);
        middleware = List.copyOf(middleware);
        modules = List.copyOf(modules);
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
     * One job of the application.
     *
     * @param method its dispatch method in {@code <App>Jobs} and provision method in {@code <App>Component},
     *     from its name on the wire
     * @param parameters the payload parameters, as the codec's {@code encode} takes them
     * @param middleware its chain, outermost first (the application's, then its own), by {@link MiddlewareEntry#name()}
     */
    public record JobEntry(String wireName, ClassName type, ClassName codec, String method, List<Parameter> parameters,
            boolean varargs, List<String> middleware) {

        public JobEntry {
            parameters = List.copyOf(parameters);
            middleware = List.copyOf(middleware);
        }
    }

    /** One payload parameter of a dispatch method. */
    public record Parameter(String name, TypeName type) {}

    /**
     * One scheduled task of the application.
     *
     * @param runner the static method of {@code schedule} that runs one tick
     * @param method its provision method in {@code <App>Component}, from its name on the wire
     * @param middleware its chain (the application's), by {@link MiddlewareEntry#name()}
     */
    public record TaskEntry(String wireName, ClassName owner, ClassName schedule, String runner, String method,
            List<String> middleware) {

        public TaskEntry {
            middleware = List.copyOf(middleware);
        }
    }

    /**
     * One middleware class, of which the dispatch table holds one instance.
     *
     * @param injected whether it has an {@code @Inject} constructor, so the component makes it
     *     (else the dispatch table calls its no-argument constructor)
     * @param name its field in the dispatch table and, when injected, its method in the component
     */
    public record MiddlewareEntry(ClassName type, boolean injected, String name) {}

    /**
     * A Dagger module listed on the application.
     *
     * @param passedByApplication whether Dagger needs an instance it cannot make itself, so the application
     *     hands one to the component's factory
     */
    public record ModuleSpec(ClassName type, boolean passedByApplication, String parameterName) {}
}
