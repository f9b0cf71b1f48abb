package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.APP_DEFINITION;
import static dev.jtc.processor.writing.SourceFiles.COMMAND_LINE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.writing.ApplicationSpec.ModuleSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Worker}: the application's {@code AppDefinition} (its job types, scheduled
 * tasks, and how to build the dispatch table over the Dagger component) and, when no module needs
 * an instance from the application, the {@code main} that hands it to the runtime's command line.
 */
public final class WorkerWriter {

    public JavaFile write(ApplicationSpec app) {
        ClassName workerClass = app.names().worker();
        List<CodeBlock> createArguments = new ArrayList<>(List.of(CodeBlock.of("dispatcher"), CodeBlock.of("clock"), CodeBlock.of("settings")));
        MethodSpec.Builder definition = MethodSpec.methodBuilder("definition")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(APP_DEFINITION);
        List<String> moduleArguments = new ArrayList<>();
        for (ModuleSpec module : app.modules()) {
            if (module.passedByApplication()) {
                definition.addParameter(module.type(), module.parameterName());
                createArguments.add(CodeBlock.of("$N", module.parameterName()));
                moduleArguments.add("new " + module.type().simpleName() + "(...)");
            }
        }
        definition.addJavadoc("Everything the runtime needs from $L: its job types, its scheduled tasks, how to\n"
                + "build the dispatch table over a component bound to the runtime's dispatcher, clock and settings, and\n"
                + "how to check a payload with the jobs' codecs.\n", app.applicationReference());
        definition.addStatement("return new $T($S, $S, $T.JOB_TYPES, $T.TASKS,\n(dispatcher, clock, settings) -> new $T($T.factory().create($L)),\n$T::validatePayload)",
                APP_DEFINITION, app.names().applicationName(), app.application().packageName(), app.names().jobs(),
                app.names().scheduleRegistry(), app.names().jobRunner(), app.names().daggerComponent(),
                CodeBlock.join(createArguments, ", "), app.names().jobRunner());

        TypeSpec.Builder worker = TypeSpec.classBuilder(workerClass)
                .addAnnotation(SourceFiles.GENERATED);
        SourceFiles.suppress(worker, app.workerSuppressedWarnings())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(definition.build());
        app.originatingElements().forEach(worker::addOriginatingElement);
        if (app.needsModuleInstances()) {
            worker.addJavadoc("Runs $L as a worker. Its modules need instances, so there is no generated {@code main}:\n"
                    + "call {@code System.exit($T.run(args, $T.definition($L)))} from the application's own main.\n",
                    app.applicationReference(), COMMAND_LINE, workerClass, String.join(", ", moduleArguments));
        } else {
            worker.addJavadoc("Runs $L as a worker: {@code work} (the default), {@code list}, {@code dashboard},\n"
                    + "{@code enqueue}, {@code stats}, {@code failed}, {@code check} and {@code make job}; see {@code --help}.\n", app.applicationReference());
            worker.addMethod(MethodSpec.methodBuilder("main")
                    .addJavadoc("Runs the command in {@code args} and exits with its status.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addParameter(String[].class, "args")
                    .addStatement("System.exit($T.run(args, definition()))", COMMAND_LINE)
                    .build());
        }
        return SourceFiles.file(workerClass.packageName(), worker.build());
    }
}
