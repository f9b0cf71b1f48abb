package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.DISPATCHER;
import static dev.jtc.processor.writing.SourceFiles.DISPATCH_OPTIONS;
import static dev.jtc.processor.writing.SourceFiles.INJECT;
import static dev.jtc.processor.writing.SourceFiles.JOB_HANDLE;
import static dev.jtc.processor.writing.SourceFiles.JOB_TYPE;
import static dev.jtc.processor.writing.SourceFiles.LIST;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.writing.ApplicationSpec.JobEntry;
import dev.jtc.processor.writing.ApplicationSpec.Parameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Jobs}, the typed dispatcher: the list of the application's job types and
 * two methods per job ({@code sendWelcomeEmail(userId, template)} and the same with
 * {@code DispatchOptions}), each one line that encodes with the job's codec and dispatches its
 * {@code TYPE}. A method's name comes from its job's name alone.
 */
public final class JobsWriter {

    public JavaFile write(ApplicationSpec app) {
        ClassName jobsClass = app.names().jobs();
        TypeSpec.Builder jobs = TypeSpec.classBuilder(jobsClass)
                .addJavadoc("Dispatches the jobs of $L, typed by each job's {@code handle} parameters. Works in any\n"
                        + "process, worker or not: {@code new $T(dispatcher)}, or inject it (jobs may dispatch other jobs).\n",
                        app.applicationReference(), jobsClass)
                .addAnnotation(SourceFiles.GENERATED);
        SourceFiles.suppress(jobs, app.suppressedWarnings()).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        app.originatingElements().forEach(jobs::addOriginatingElement);

        List<TableCode.Entry> entries = new ArrayList<>();
        app.jobs().forEach(job -> entries.add(new TableCode.Entry("jobs declared in " + job.type().packageName(),
                CodeBlock.of("$T.TYPE", job.codec()))));
        TableCode.ListCode jobTypes = TableCode.list(JOB_TYPE, entries, "jobTypes", false);
        jobs.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, JOB_TYPE), "JOB_TYPES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every job of the application, in a stable order.\n")
                .initializer(jobTypes.initializer())
                .build());
        jobs.addField(DISPATCHER, "dispatcher", Modifier.PRIVATE, Modifier.FINAL);
        jobs.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A dispatcher for the jobs of $L, sending through {@code dispatcher}.\n", app.applicationReference())
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DISPATCHER, "dispatcher")
                .addStatement("this.dispatcher = dispatcher")
                .build());
        for (JobEntry job : app.jobs()) {
            jobs.addMethod(dispatch(job, false));
            jobs.addMethod(dispatch(job, true));
        }
        jobs.addMethods(jobTypes.parts());
        return SourceFiles.file(jobsClass.packageName(), jobs.build());
    }

    private static MethodSpec dispatch(JobEntry job, boolean withOptions) {
        Set<String> taken = new HashSet<>();
        MethodSpec.Builder method = MethodSpec.methodBuilder(job.method())
                .addModifiers(Modifier.PUBLIC)
                .returns(JOB_HANDLE);
        List<CodeBlock> arguments = new ArrayList<>();
        for (Parameter parameter : job.parameters()) {
            method.addParameter(parameter.type(), parameter.name());
            arguments.add(CodeBlock.of("$N", parameter.name()));
            taken.add(parameter.name());
        }
        CodeBlock encoded = CodeBlock.of("$T.encode($L)", job.codec(), CodeBlock.join(arguments, ", "));
        // A payload parameter named "dispatcher" hides the field.
        String dispatcher = taken.contains("dispatcher") ? "this.dispatcher" : "dispatcher";
        if (withOptions) {
            String options = "options";
            while (taken.contains(options)) {
                options = options + "_";
            }
            method.addJavadoc("Dispatches {@link $T} (job {@code $L}) with {@code $N}: a delay or run-at time, another\n"
                            + "queue, a unique key.\n", job.type(), job.wireName(), options)
                    .addParameter(DISPATCH_OPTIONS, options)
                    .addStatement("return $L.dispatch($T.TYPE, $L, $N)", dispatcher, job.codec(), encoded, options);
        } else {
            method.addJavadoc("Dispatches {@link $T} (job {@code $L}) to run as soon as a worker is free.\n", job.type(), job.wireName())
                    .varargs(job.varargs())
                    .addStatement("return $L.dispatch($T.TYPE, $L, $T.none())", dispatcher, job.codec(), encoded, DISPATCH_OPTIONS);
        }
        return method.build();
    }
}
