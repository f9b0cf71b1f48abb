package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.BINDS_INSTANCE;
import static dev.jtc.processor.writing.SourceFiles.CLOCK;
import static dev.jtc.processor.writing.SourceFiles.COMPONENT;
import static dev.jtc.processor.writing.SourceFiles.DISPATCHER;
import static dev.jtc.processor.writing.SourceFiles.SETTINGS;
import static dev.jtc.processor.writing.SourceFiles.SINGLETON;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.writing.ApplicationSpec.JobEntry;
import dev.jtc.processor.writing.ApplicationSpec.MiddlewareEntry;
import dev.jtc.processor.writing.ApplicationSpec.ModuleSpec;
import dev.jtc.processor.writing.ApplicationSpec.TaskEntry;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Component}, the Dagger component over the application's modules: a
 * provision method per job and per scheduled task, named after it (unscoped, so a new instance
 * per run; a class with several tasks has several methods), one per middleware class with an
 * {@code @Inject} constructor (called once, by the dispatch table), the typed dispatcher, and a
 * factory that binds the runtime's dispatcher, clock and settings so modules and jobs can inject
 * them. Dagger writes {@code Dagger<App>Component} from it in the next round.
 */
public final class ComponentWriter {

    public JavaFile write(ApplicationSpec app) {
        ClassName componentClass = app.names().component();
        AnnotationSpec.Builder component = AnnotationSpec.builder(COMPONENT);
        if (!app.modules().isEmpty()) {
            List<CodeBlock> modules = new ArrayList<>();
            app.modules().forEach(module -> modules.add(CodeBlock.of("$T.class", module.type())));
            component.addMember("modules", app.modules().size() == 1 ? CodeBlock.of("$L", modules.get(0))
                    : CodeBlock.of("{$L}", CodeBlock.join(modules, ", ")));
        }
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(componentClass)
                .addJavadoc("The Dagger component of $L: makes a new instance of a job or task-owning class for every\n"
                        + "run. Build it with {@code Dagger$L.factory().create(...)}; the generated worker does.\n",
                        app.applicationReference(), componentClass.simpleName())
                .addAnnotation(SourceFiles.GENERATED)
                .addAnnotation(SINGLETON)
                .addAnnotation(component.build());
        SourceFiles.suppress(type, app.suppressedWarnings()).addModifiers(Modifier.PUBLIC);
        app.originatingElements().forEach(type::addOriginatingElement);
        for (JobEntry job : app.jobs()) {
            type.addMethod(MethodSpec.methodBuilder(job.method())
                    .addJavadoc("A new {@link $T}, to run job {@code $L}.\n", job.type(), job.wireName())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(job.type())
                    .build());
        }
        for (TaskEntry task : app.tasks()) {
            type.addMethod(MethodSpec.methodBuilder(task.method())
                    .addJavadoc("A new {@link $T}, to run task {@code $L}.\n", task.owner(), task.wireName())
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .returns(task.owner())
                    .build());
        }
        for (MiddlewareEntry middleware : app.middleware()) {
            if (middleware.injected()) {
                type.addMethod(MethodSpec.methodBuilder(middleware.name())
                        .addJavadoc("The middleware {@link $T}, made once for the dispatch table.\n", middleware.type())
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(middleware.type())
                        .build());
            }
        }
        type.addMethod(MethodSpec.methodBuilder("jobs")
                .addJavadoc("The typed dispatcher of the application's jobs.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(app.names().jobs())
                .build());
        type.addType(factory(app, componentClass));
        return SourceFiles.file(componentClass.packageName(), type.build());
    }

    private static TypeSpec factory(ApplicationSpec app, ClassName componentClass) {
        MethodSpec.Builder create = MethodSpec.methodBuilder("create")
                .addJavadoc("A component bound to the runtime's dispatcher, clock and settings"
                        + (app.needsModuleInstances() ? ", and the modules that need an instance" : "") + ".\n")
                .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .returns(componentClass)
                .addParameter(ParameterSpec.builder(DISPATCHER, "dispatcher").addAnnotation(BINDS_INSTANCE).build())
                .addParameter(ParameterSpec.builder(CLOCK, "clock").addAnnotation(BINDS_INSTANCE).build())
                .addParameter(ParameterSpec.builder(SETTINGS, "settings").addAnnotation(BINDS_INSTANCE).build());
        for (ModuleSpec module : app.modules()) {
            if (module.passedByApplication()) {
                create.addParameter(module.type(), module.parameterName());
            }
        }
        return TypeSpec.interfaceBuilder("Factory")
                .addJavadoc("Creates the component; the runtime's objects are bound so jobs and modules can inject them.\n")
                .addAnnotation(COMPONENT.nestedClass("Factory"))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addMethod(create.build())
                .build();
    }
}
