package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.JOB_CONTEXT;
import static dev.jtc.processor.writing.SourceFiles.JOB_RUNNER;
import static dev.jtc.processor.writing.SourceFiles.PAYLOAD_EXCEPTION;
import static dev.jtc.processor.writing.SourceFiles.UNKNOWN_JOB;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.writing.ApplicationSpec.JobEntry;
import dev.jtc.processor.writing.ApplicationSpec.MiddlewareEntry;
import dev.jtc.processor.writing.ApplicationSpec.TaskEntry;
import dev.jtc.schedule.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>JobRunner}, the dispatch table: a {@code switch} on the job's name with one
 * case per job (its codec decodes and calls {@code handle} on a fresh instance from the
 * component) and one per scheduled task (its schedule calls the method). No reflection: every
 * call is written out.
 *
 * <p>A job or task with middleware (the application's, then its own) runs inside it:
 * {@code Middleware.run(context, payload, () -> ShipOrderCodec.run(...), logAttempts, auditTrail)},
 * with one instance of each middleware class, made when the table is.
 *
 * <p>Beside it, the static {@code validatePayload}: a {@code switch} from each job's name to its
 * codec's {@code decode}, which the command line calls (through the worker's
 * {@code AppDefinition}) to check a payload before it sends it.
 *
 * <p>Up to {@value #CASES_PER_METHOD} cases are one {@code switch}. A larger application's table
 * is split by the name's hash into nested classes of at most that many cases each, so that every
 * method stays under HotSpot's 8,000-byte limit for JIT compilation and every class under the
 * class file's 65,535 constants; the outer {@code switch} on the hash ({@code Names.tablePart})
 * costs one table jump.
 */
public final class JobRunnerWriter {

    private static final ClassName NAMES = ClassName.get(Names.class);

    /** About 45 bytes of bytecode per case: 100 stay near 4,500, well below 8,000. */
    static final int CASES_PER_METHOD = 100;

    /**
     * One name of the table.
     *
     * @param validation the call that decodes its payload without running it; {@code null} for a
     *     scheduled task, which takes no payload
     */
    private record Case(String wireName, String group, CodeBlock call, CodeBlock validation) {}

    public JavaFile write(ApplicationSpec app) {
        ClassName runnerClass = app.names().jobRunner();
        ClassName component = app.names().component();
        boolean split = app.jobs().size() + app.tasks().size() > CASES_PER_METHOD;
        // The parts of a split table are static classes: they reach the middleware through the runner.
        List<Case> cases = cases(app, split ? "runner." : "");
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addJavadoc("Runs one attempt of the job or task named {@code name}, on an instance made for this run.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(String.class, "name")
                .addParameter(String.class, "payload")
                .addParameter(JOB_CONTEXT, "context")
                .addException(Exception.class);
        TypeSpec.Builder annotated = TypeSpec.classBuilder(runnerClass)
                .addJavadoc("The dispatch table of $L: from a job's name on the wire to the code that runs it.\n",
                        app.applicationReference())
                .addAnnotation(SourceFiles.GENERATED);
        TypeSpec.Builder runner = SourceFiles.suppress(annotated, app.suppressedWarnings())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(JOB_RUNNER)
                .addField(component, "component", Modifier.PRIVATE, Modifier.FINAL);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addJavadoc("A dispatch table whose job and task instances come from {@code component}.\n")
                .addModifiers(Modifier.PUBLIC)
                .addParameter(component, "component")
                .addStatement("this.component = component");
        if (!app.middleware().isEmpty()) {
            constructor.addComment("the middleware, made once and shared by every run");
        }
        for (MiddlewareEntry middleware : app.middleware()) {
            runner.addField(middleware.type(), middleware.name(), Modifier.PRIVATE, Modifier.FINAL);
            if (middleware.injected()) {
                constructor.addStatement("this.$N = component.$N()", middleware.name(), middleware.name());
            } else {
                constructor.addStatement("this.$N = new $T()", middleware.name(), middleware.type());
            }
        }
        runner.addMethod(constructor.build());
        MethodSpec.Builder validate = MethodSpec.methodBuilder("validatePayload")
                .addJavadoc("Decodes {@code payload} as the job named {@code name} decodes it, and runs nothing: what\n"
                        + "{@code enqueue} checks before it sends a payload.\n\n"
                        + "@throws PayloadException if it does not decode into the job's parameters\n"
                        + "@throws UnknownJobException if no job has that name (scheduled tasks take no payload)\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(String.class, "name")
                .addParameter(String.class, "payload")
                .addException(PAYLOAD_EXCEPTION)
                .addException(UNKNOWN_JOB);
        if (!split) {
            run.addCode(nameSwitch(cases, Case::call));
            runner.addMethod(run.build());
            validate.addCode(nameSwitch(cases, Case::validation));
            runner.addMethod(validate.build());
        } else {
            int parts = parts(cases);
            List<List<Case>> byPart = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                byPart.add(new ArrayList<>());
            }
            cases.forEach(entry -> byPart.get(part(entry.wireName(), parts)).add(entry));
            run.addJavadoc("\n<p>The $L jobs and tasks are split by the name's hash into $L parts, so that each method stays small\n"
                    + "enough for the JIT to compile it.\n", cases.size(), parts);
            run.beginControlFlow("switch ($T.tablePart(name, $L))", NAMES, parts);
            validate.beginControlFlow("switch ($T.tablePart(name, $L))", NAMES, parts);
            boolean middleware = !app.middleware().isEmpty();
            for (int i = 0; i < parts; i++) {
                run.addStatement(middleware ? "case $L -> Part$L.run(this, component, name, payload, context)"
                        : "case $L -> Part$L.run(component, name, payload, context)", i, i);
                validate.addStatement("case $L -> Part$L.validatePayload(name, payload)", i, i);
                runner.addType(partClass("Part" + i, middleware ? runnerClass : null, component, byPart.get(i)));
            }
            run.addStatement("default -> throw new $T(name)", UNKNOWN_JOB).endControlFlow();
            validate.addStatement("default -> throw new $T(name)", UNKNOWN_JOB).endControlFlow();
            runner.addMethod(run.build());
            runner.addMethod(validate.build());
        }
        TypeSpec.Builder withOrigins = runner.build().toBuilder();
        app.originatingElements().forEach(withOrigins::addOriginatingElement);
        return SourceFiles.file(runnerClass.packageName(), withOrigins.build());
    }

    /** @param middlewareOwner what the middleware fields are reached through: empty, or {@code runner.} */
    private static List<Case> cases(ApplicationSpec app, String middlewareOwner) {
        List<Case> cases = new ArrayList<>();
        for (JobEntry job : app.jobs()) {
            cases.add(new Case(job.wireName(), "jobs declared in " + job.type().packageName(),
                    withMiddleware(CodeBlock.of("$T.run(component.$N(), payload, context)", job.codec(), job.method()),
                            job.middleware(), middlewareOwner),
                    CodeBlock.of("$T.decode(payload)", job.codec())));
        }
        for (TaskEntry task : app.tasks()) {
            cases.add(new Case(task.wireName(), "tasks declared in " + task.owner().canonicalName(),
                    withMiddleware(CodeBlock.of("$T.$N(component.$N(), context)", task.schedule(), task.runner(), task.method()),
                            task.middleware(), middlewareOwner),
                    null));
        }
        return cases;
    }

    /**
     * {@code call} as it is, or run inside its middleware chain:
     * {@code Middleware.run(context, payload, () -> call, logAttempts, auditTrail)}.
     */
    private static CodeBlock withMiddleware(CodeBlock call, List<String> chain, String middlewareOwner) {
        if (chain.isEmpty()) {
            return call;
        }
        List<CodeBlock> fields = chain.stream().map(name -> CodeBlock.of("$L$N", middlewareOwner, name)).toList();
        return CodeBlock.of("$T.run(context, payload, () -> $L, $L)", SourceFiles.MIDDLEWARE, call, CodeBlock.join(fields, ", "));
    }

    /** {@code switch (name)} with a case per entry that has a call in {@code call}, grouped under one-line comments. */
    private static CodeBlock nameSwitch(List<Case> cases, Function<Case, CodeBlock> call) {
        CodeBlock.Builder code = CodeBlock.builder().beginControlFlow("switch (name)");
        String group = null;
        for (Case entry : cases) {
            CodeBlock statement = call.apply(entry);
            if (statement == null) {
                continue;
            }
            if (!entry.group().equals(group)) {
                group = entry.group();
                code.add("// $L\n", group);
            }
            code.addStatement("case $S -> $L", entry.wireName(), statement);
        }
        return code.addStatement("default -> throw new $T(name)", UNKNOWN_JOB).endControlFlow().build();
    }

    /** @param runner the runner's class when the calls need its middleware, else null */
    private static TypeSpec partClass(String name, ClassName runner, ClassName component, List<Case> cases) {
        MethodSpec.Builder run = MethodSpec.methodBuilder("run").addModifiers(Modifier.STATIC);
        if (runner != null) {
            run.addParameter(runner, "runner");
        }
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(run
                        .addParameter(component, "component")
                        .addParameter(String.class, "name")
                        .addParameter(String.class, "payload")
                        .addParameter(JOB_CONTEXT, "context")
                        .addException(Exception.class)
                        .addCode(nameSwitch(cases, Case::call))
                        .build())
                .addMethod(MethodSpec.methodBuilder("validatePayload")
                        .addModifiers(Modifier.STATIC)
                        .addParameter(String.class, "name")
                        .addParameter(String.class, "payload")
                        .addException(PAYLOAD_EXCEPTION)
                        .addException(UNKNOWN_JOB)
                        .addCode(nameSwitch(cases, Case::validation))
                        .build())
                .build();
    }

    /** The smallest power of two of parts for which no part holds more than {@link #CASES_PER_METHOD} cases. */
    private static int parts(List<Case> cases) {
        int parts = Integer.highestOneBit(Math.max(1, (cases.size() - 1) / CASES_PER_METHOD)) * 2;
        while (true) {
            int[] sizes = new int[parts];
            int largest = 0;
            for (Case entry : cases) {
                largest = Math.max(largest, ++sizes[part(entry.wireName(), parts)]);
            }
            if (largest <= CASES_PER_METHOD) {
                return parts;
            }
            parts *= 2;
        }
    }

    private static int part(String wireName, int parts) {
        return Names.tablePart(wireName, parts);
    }
}
