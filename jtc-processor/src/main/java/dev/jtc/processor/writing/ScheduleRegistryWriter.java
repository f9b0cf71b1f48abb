package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.LIST;
import static dev.jtc.processor.writing.SourceFiles.SCHEDULED_TASK;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>ScheduleRegistry}: every scheduled task of the application, joined from the
 * schedule each class with {@code @Cron}/{@code @Every} methods got in its own compilation.
 */
public final class ScheduleRegistryWriter {

    public JavaFile write(ApplicationSpec app) {
        ClassName registryClass = app.names().scheduleRegistry();
        TypeSpec.Builder registry = TypeSpec.classBuilder(registryClass)
                .addJavadoc("The scheduled tasks of $L, from the schedule of each class with {@code @Cron} or {@code @Every}\n"
                        + "methods (the tasks themselves, in plain words, are in those). Each tick runs as a job named after its\n"
                        + "task, through {@link $T}.\n", app.applicationReference(), app.names().jobRunner())
                .addAnnotation(SourceFiles.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        app.originatingElements().forEach(registry::addOriginatingElement);
        List<TableCode.Entry> entries = new ArrayList<>();
        for (ClassName schedule : app.schedules()) {
            entries.add(new TableCode.Entry("tasks declared in " + schedule.packageName(), CodeBlock.of("$T.TASKS", schedule)));
        }
        TableCode.ListCode tasks = TableCode.list(SCHEDULED_TASK, entries, "tasks", true);
        registry.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, SCHEDULED_TASK), "TASKS", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Every scheduled task of the application, in a stable order.\n")
                .initializer(tasks.initializer())
                .build());
        registry.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        registry.addMethods(tasks.parts());
        return SourceFiles.file(registryClass.packageName(), registry.build());
    }
}
