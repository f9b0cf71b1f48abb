package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.DISPATCHER;
import static dev.jtc.processor.writing.SourceFiles.DISPATCH_OPTIONS;
import static dev.jtc.processor.writing.SourceFiles.DURATION;
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
import dev.jtc.processor.writing.JobSpec.Argument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Jobs}, the typed dispatcher: a {@code JobType} constant per job and two
 * methods per job ({@code sendWelcomeEmail(userId, template)} and the same with
 * {@code DispatchOptions}), each one line that encodes with the job's codec and dispatches.
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

        for (JobSpec job : app.jobs()) {
            jobs.addField(FieldSpec.builder(JOB_TYPE, job.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Job {@code $L}: {@link $T}, on queue {@code $L}.\n", job.wireName(), job.type(), job.queue())
                    .initializer("new $T($S, $S, $L, $L, $L, $L, $T.FINGERPRINT, $T.SCHEMA)", JOB_TYPE, job.wireName(), job.queue(),
                            job.retries(), timeout(job.timeout()), backoff(job.backoffBase(), JobTypeDefaults.BASE),
                            backoff(job.backoffCap(), JobTypeDefaults.CAP), job.codec(), job.codec())
                    .build());
        }
        List<ListEntry> entries = new ArrayList<>();
        app.jobs().forEach(job -> entries.add(new ListEntry("jobs declared in " + job.type().packageName(), job.constant())));
        jobs.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, JOB_TYPE), "JOB_TYPES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every job of the application, in a stable order.\n")
                .initializer(listOf(entries))
                .build());
        jobs.addField(DISPATCHER, "dispatcher", Modifier.PRIVATE, Modifier.FINAL);
        jobs.addMethod(MethodSpec.constructorBuilder()
                .addJavadoc("A dispatcher for the jobs of $L, sending through {@code dispatcher}.\n", app.applicationReference())
                .addAnnotation(INJECT)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(DISPATCHER, "dispatcher")
                .addStatement("this.dispatcher = dispatcher")
                .build());
        for (JobSpec job : app.jobs()) {
            jobs.addMethod(dispatch(job, false));
            jobs.addMethod(dispatch(job, true));
        }
        return SourceFiles.file(jobsClass.packageName(), jobs.build());
    }

    private static MethodSpec dispatch(JobSpec job, boolean withOptions) {
        Set<String> taken = new HashSet<>();
        MethodSpec.Builder method = MethodSpec.methodBuilder(job.dispatchMethod())
                .addModifiers(Modifier.PUBLIC)
                .returns(JOB_HANDLE);
        List<CodeBlock> arguments = new ArrayList<>();
        for (Argument argument : job.payload()) {
            method.addParameter(argument.type().typeName(), argument.name());
            arguments.add(CodeBlock.of("$N", argument.name()));
            taken.add(argument.name());
        }
        CodeBlock encoded = CodeBlock.of("$T.encode($L)", job.codec(), CodeBlock.join(arguments, ", "));
        // A payload parameter named "dispatcher" hides the field.
        String dispatcher = taken.contains("dispatcher") ? "this.dispatcher" : "dispatcher";
        if (withOptions) {
            String options = "options";
            while (taken.contains(options)) {
                options = options + "_";
            }
            method.addJavadoc("Dispatches {@link $T} with {@code $N}: a delay or run-at time, another queue, a unique key.\n",
                            job.type(), options)
                    .addParameter(DISPATCH_OPTIONS, options)
                    .addStatement("return $L.dispatch($N, $L, $N)", dispatcher, job.constant(), encoded, options);
        } else {
            method.addJavadoc("Dispatches {@link $T} to run as soon as a worker is free.\n", job.type())
                    .varargs(job.varargs())
                    .addStatement("return $L.dispatch($N, $L, $T.none())", dispatcher, job.constant(), encoded, DISPATCH_OPTIONS);
        }
        return method.build();
    }

    /** One constant in a generated {@code List.of(...)}, with the comment of the group it belongs to. */
    record ListEntry(String group, String constant) {}

    /** {@code List.of(A, B)} over several lines, with a one-line comment above each group of constants. */
    static CodeBlock listOf(List<ListEntry> entries) {
        if (entries.isEmpty()) {
            return CodeBlock.of("$T.of()", LIST);
        }
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n", LIST).indent().indent();
        String group = null;
        for (int i = 0; i < entries.size(); i++) {
            ListEntry entry = entries.get(i);
            if (!entry.group().equals(group)) {
                group = entry.group();
                list.add("// $L\n", group);
            }
            list.add("$N$L", entry.constant(), i + 1 < entries.size() ? ",\n" : "");
        }
        return list.add(")").unindent().unindent().build();
    }

    /** {@code Duration.ofSeconds(30)}, or {@code JobType.NO_TIMEOUT}. */
    private static CodeBlock timeout(Duration timeout) {
        return timeout.isZero() ? CodeBlock.of("$T.NO_TIMEOUT", JOB_TYPE) : durationCode(timeout);
    }

    private static CodeBlock backoff(Duration value, JobTypeDefaults fallback) {
        return value.equals(fallback.value) ? CodeBlock.of("$T.$L", JOB_TYPE, fallback.constant) : durationCode(value);
    }

    /** The largest whole unit: {@code Duration.ofMinutes(90)} rather than {@code Duration.ofSeconds(5400)}. */
    static CodeBlock durationCode(Duration duration) {
        if (duration.toNanosPart() % 1_000_000 != 0) {
            return CodeBlock.of("$T.ofNanos($LL)", DURATION, duration.toNanos());
        }
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return CodeBlock.of("$T.ofMillis($L)", DURATION, millis);
        }
        long seconds = duration.getSeconds();
        if (seconds % 86_400 == 0) {
            return CodeBlock.of("$T.ofDays($L)", DURATION, seconds / 86_400);
        }
        if (seconds % 3600 == 0) {
            return CodeBlock.of("$T.ofHours($L)", DURATION, seconds / 3600);
        }
        if (seconds % 60 == 0) {
            return CodeBlock.of("$T.ofMinutes($L)", DURATION, seconds / 60);
        }
        return CodeBlock.of("$T.ofSeconds($L)", DURATION, seconds);
    }

    /** The backoff bounds {@code JobType} names as constants, so the common case reads as words. */
    private enum JobTypeDefaults {
        BASE(Duration.ofSeconds(1), "DEFAULT_BACKOFF_BASE"),
        CAP(Duration.ofMinutes(10), "DEFAULT_BACKOFF_CAP");

        private final Duration value;
        private final String constant;

        JobTypeDefaults(Duration value, String constant) {
            this.value = value;
            this.constant = constant;
        }
    }
}
