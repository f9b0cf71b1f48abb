package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.JOB_CONTEXT;
import static dev.jtc.processor.writing.SourceFiles.JOB_RUNNER;
import static dev.jtc.processor.writing.SourceFiles.UNKNOWN_JOB;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.writing.JobSpec.Argument;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>JobRunner}, the dispatch table: a {@code switch} on the job's name with one
 * case per job (decode with its codec, call {@code handle} on a fresh instance from the
 * component) and one per scheduled task (call its method). No reflection: every call is written out.
 */
public final class JobRunnerWriter {

    public JavaFile write(ApplicationSpec app) {
        ClassName runnerClass = app.names().jobRunner();
        ClassName component = app.names().component();
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addJavadoc("Runs one attempt of the job or task named {@code name}, on an instance made for this run.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(String.class, "name")
                .addParameter(String.class, "payload")
                .addParameter(JOB_CONTEXT, "context")
                .addException(Exception.class)
                .beginControlFlow("switch (name)");
        String group = null;
        for (JobSpec job : app.jobs()) {
            String jobGroup = "jobs declared in " + job.type().packageName();
            if (!jobGroup.equals(group)) {
                group = jobGroup;
                run.addComment(group);
            }
            run.addCode(jobCase(job));
        }
        for (TaskSpec task : app.tasks()) {
            String taskGroup = "tasks declared in " + task.owner().canonicalName();
            if (!taskGroup.equals(group)) {
                group = taskGroup;
                run.addComment(group);
            }
            run.addStatement("case $S -> component.$N().$N($L)", task.wireName(), task.provisionMethod(), task.methodName(),
                    task.takesContext() ? "context" : "");
        }
        run.addStatement("default -> throw new $T(name)", UNKNOWN_JOB).endControlFlow();

        TypeSpec.Builder annotated = TypeSpec.classBuilder(runnerClass)
                .addJavadoc("The dispatch table of $L: from a job's name on the wire to the code that runs it.\n",
                        app.applicationReference())
                .addAnnotation(SourceFiles.GENERATED);
        TypeSpec runner = SourceFiles.suppress(annotated, app.suppressedWarnings())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JOB_RUNNER)
                .addField(component, "component", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("A dispatch table whose job and task instances come from {@code component}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(component, "component")
                        .addStatement("this.component = component")
                        .build())
                .addMethod(run.build())
                .build();
        TypeSpec.Builder withOrigins = runner.toBuilder();
        app.originatingElements().forEach(withOrigins::addOriginatingElement);
        return SourceFiles.file(runnerClass.packageName(), withOrigins.build());
    }

    private static CodeBlock jobCase(JobSpec job) {
        List<CodeBlock> arguments = new ArrayList<>();
        String payload = "p";
        for (Argument argument : job.arguments()) {
            arguments.add(argument.context() ? CodeBlock.of("context") : CodeBlock.of("$N.$N()", payload, argument.componentName()));
        }
        CodeBlock call = CodeBlock.of("component.$N().handle($L)", job.provisionMethod(), CodeBlock.join(arguments, ", "));
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("case $S ->", job.wireName());
        if (job.payload().isEmpty()) {
            code.addStatement("$T.decode(payload)", job.codec());
        } else {
            code.addStatement("$T $N = $T.decode(payload)", CodecWriter.payloadName(job), payload, job.codec());
        }
        return code.addStatement(call).endControlFlow().build();
    }
}
