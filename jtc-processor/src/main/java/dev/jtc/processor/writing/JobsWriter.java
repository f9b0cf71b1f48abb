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

    /**
     * The most jobs whose methods one generated class holds. Each job takes about 17 class-file
     * constants there (more with long generic signatures), and a class has room for 65,535.
     */
    static final int JOBS_PER_CLASS = 1_000;

    /**
     * {@code <App>Jobs}, and for more than {@value #JOBS_PER_CLASS} jobs the superclasses that hold
     * the methods of the first ones ({@code <App>JobsPart1}, ...): the user still calls every method
     * on {@code <App>Jobs}.
     */
    public List<JavaFile> write(ApplicationSpec app) {
        ClassName jobsClass = app.names().jobs();
        List<List<JobEntry>> chunks = new ArrayList<>();
        for (int from = 0; from < app.jobs().size(); from += JOBS_PER_CLASS) {
            chunks.add(app.jobs().subList(from, Math.min(app.jobs().size(), from + JOBS_PER_CLASS)));
        }
        if (chunks.isEmpty()) {
            chunks.add(List.of());
        }
        List<JavaFile> files = new ArrayList<>();
        ClassName superclass = null;
        for (int part = 1; part < chunks.size(); part++) {
            ClassName partClass = app.names().jobsPart(part);
            files.add(part(app, partClass, superclass, chunks.get(part - 1), part));
            superclass = partClass;
        }
        files.add(jobs(app, jobsClass, superclass, chunks.get(chunks.size() - 1), chunks.size()));
        return files;
    }

    private JavaFile jobs(ApplicationSpec app, ClassName jobsClass, ClassName superclass, List<JobEntry> ownJobs, int parts) {
        TypeSpec.Builder jobs = TypeSpec.classBuilder(jobsClass)
                .addJavadoc("Dispatches the jobs of $L, typed by each job's {@code handle} parameters. Works in any\n"
                        + "process, worker or not: {@code new $T(dispatcher)}, or inject it (jobs may dispatch other jobs).\n",
                        app.applicationReference(), jobsClass)
                .addAnnotation(SourceFiles.GENERATED);
        if (superclass != null) {
            jobs.addJavadoc("\n<p>Its $L jobs' methods are spread over this class and the $L it extends, only so that no class file\n"
                    + "runs out of constants; call them all here.\n", app.jobs().size(), parts == 2 ? "one" : (parts - 1) + " classes");
            jobs.superclass(superclass);
        }
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
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("A dispatcher for the jobs of $L, sending through {@code dispatcher}.\n", app.applicationReference())
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DISPATCHER, "dispatcher");
        if (superclass == null) {
            jobs.addField(DISPATCHER, "dispatcher", Modifier.PRIVATE, Modifier.FINAL);
            constructor.addStatement("this.dispatcher = dispatcher");
        } else {
            constructor.addStatement("super(dispatcher)");
        }
        jobs.addMethod(constructor.build());
        addDispatchMethods(jobs, ownJobs);
        jobs.addMethods(jobTypes.parts());
        return SourceFiles.file(jobsClass.packageName(), jobs.build());
    }

    /** One of the superclasses of a large application's {@code <App>Jobs}: the methods of some of its jobs. */
    private JavaFile part(ApplicationSpec app, ClassName partClass, ClassName superclass, List<JobEntry> partJobs, int number) {
        TypeSpec.Builder part = TypeSpec.classBuilder(partClass)
                .addJavadoc("Part $L of the typed dispatcher of $L: the methods of its jobs $L to $L. Use {@link $T}, which has them\n"
                        + "all; they are spread over several classes only so that no class file runs out of constants.\n",
                        number, app.applicationReference(), partJobs.get(0).wireName(), partJobs.get(partJobs.size() - 1).wireName(),
                        app.names().jobs())
                .addAnnotation(SourceFiles.GENERATED);
        SourceFiles.suppress(part, app.suppressedWarnings()).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT);
        app.originatingElements().forEach(part::addOriginatingElement);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PROTECTED)
                .addParameter(DISPATCHER, "dispatcher");
        if (superclass == null) {
            part.addField(DISPATCHER, "dispatcher", Modifier.PROTECTED, Modifier.FINAL);
            constructor.addStatement("this.dispatcher = dispatcher");
        } else {
            part.superclass(superclass);
            constructor.addStatement("super(dispatcher)");
        }
        part.addMethod(constructor.build());
        addDispatchMethods(part, partJobs);
        return SourceFiles.file(partClass.packageName(), part.build());
    }

    private static void addDispatchMethods(TypeSpec.Builder type, List<JobEntry> jobs) {
        for (JobEntry job : jobs) {
            type.addMethod(dispatch(job, false));
            type.addMethod(dispatch(job, true));
        }
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
