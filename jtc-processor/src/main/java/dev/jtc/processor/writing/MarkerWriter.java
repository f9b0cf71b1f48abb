package dev.jtc.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the contribution markers: an empty class in {@code dev.jtc.contributions} whose
 * annotation records a job, a class's scheduled tasks, or an application, for the compilation that
 * builds the application (perhaps a later one, from class files or a jar). Classes are named by
 * string, so a package-private job needs no access from the marker's package.
 */
public final class MarkerWriter {

    private static final ClassName JOB_CONTRIBUTION = ClassName.get("dev.jtc.internal", "JobContribution");
    private static final ClassName TASK_CONTRIBUTION = ClassName.get("dev.jtc.internal", "TaskContribution");
    private static final ClassName APPLICATION_CONTRIBUTION = ClassName.get("dev.jtc.internal", "ApplicationContribution");

    public JavaFile job(JobSpec job) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(JOB_CONTRIBUTION)
                .addMember("job", "$S", job.type().canonicalName())
                .addMember("codec", "$S", job.codec().canonicalName())
                .addMember("name", "$S", job.wireName())
                .addMember("parameters", strings(job.payload().stream().map(JobSpec.Argument::name).toList()));
        if (!job.middleware().isEmpty()) {
            annotation.addMember("middleware", strings(job.middleware().stream().map(ClassName::canonicalName).toList()));
        }
        return marker(job.marker(), annotation, job.source(), job.originatingElement(),
                CodeBlock.of("Contributes job {@code $L} ({@code $L}) to the application built with it.\n", job.wireName(),
                        job.type().canonicalName()));
    }

    public JavaFile schedule(ScheduleSpec schedule) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(TASK_CONTRIBUTION)
                .addMember("owner", "$S", schedule.owner().canonicalName())
                .addMember("schedule", "$S", schedule.schedule().canonicalName())
                .addMember("tasks", strings(schedule.tasks().stream().map(TaskSpec::wireName).toList()))
                .addMember("runners", strings(schedule.tasks().stream().map(TaskSpec::runner).toList()));
        return marker(schedule.marker(), annotation, schedule.source(), schedule.originatingElement(),
                CodeBlock.of("Contributes the scheduled tasks of {@code $L} to the application built with it.\n",
                        schedule.owner().canonicalName()));
    }

    public JavaFile application(ApplicationSpec app, Element originatingElement) {
        AnnotationSpec.Builder annotation = AnnotationSpec.builder(APPLICATION_CONTRIBUTION)
                .addMember("application", "$S", app.application().canonicalName());
        return marker(app.marker(), annotation, app.source(), originatingElement,
                CodeBlock.of("Records where {@code $L} was compiled, so that a build of only some of its jobs can write its\n"
                        + "generated classes again.\n", app.application().canonicalName()));
    }

    private static JavaFile marker(ClassName name, AnnotationSpec.Builder annotation, String source, Element originatingElement,
            CodeBlock javadoc) {
        if (!source.isEmpty()) {
            annotation.addMember("source", "$S", source);
        }
        TypeSpec marker = TypeSpec.classBuilder(name)
                .addJavadoc(javadoc)
                .addAnnotation(SourceFiles.GENERATED)
                .addAnnotation(annotation.build())
                .addModifiers(Modifier.FINAL)
                .addOriginatingElement(originatingElement)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .build();
        return SourceFiles.file(name.packageName(), marker);
    }

    /** {@code {"userId", "template"}}, on one line. */
    private static CodeBlock strings(List<String> values) {
        List<CodeBlock> literals = values.stream().map(value -> CodeBlock.of("$S", value)).toList();
        return CodeBlock.of("{$L}", CodeBlock.join(literals, ", "));
    }
}
