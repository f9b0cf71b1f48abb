package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.JOB_CONTEXT;
import static dev.jtc.processor.writing.SourceFiles.LIST;
import static dev.jtc.processor.writing.SourceFiles.MISSED_TICKS;
import static dev.jtc.processor.writing.SourceFiles.SCHEDULED_TASK;
import static dev.jtc.processor.writing.SourceFiles.ZONE_ID;
import static dev.jtc.processor.writing.SourceFiles.ZONE_OFFSET;

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
 * Writes {@code <Owner>Schedule}, beside a class with scheduled methods, in that class's own
 * compilation: one {@code ScheduledTask} constant per {@code @Cron} or {@code @Every} method,
 * built with only the builder calls that differ from the defaults and a javadoc that says the
 * schedule in plain words; the list of them; and per task a static method that runs one tick.
 */
public final class ScheduleWriter {

    private static final String DEFAULT_QUEUE = "default";
    private static final String DEFAULT_MISSED = "RUN_ONCE";

    public JavaFile write(ScheduleSpec spec) {
        TypeSpec.Builder schedule = TypeSpec.classBuilder(spec.schedule())
                .addJavadoc("The scheduled tasks of {@link $T}: one constant per {@code @Cron} or {@code @Every} method, and\n"
                        + "the methods that run one tick of each on an instance of it.\n", spec.owner())
                .addAnnotation(SourceFiles.GENERATED);
        SourceFiles.suppress(schedule, spec.suppressedWarnings())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(spec.originatingElement());
        List<TableCode.Entry> entries = new ArrayList<>();
        for (TaskSpec task : spec.tasks()) {
            schedule.addField(FieldSpec.builder(SCHEDULED_TASK, task.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L Runs {@link $T#$L}.\n", sentence(task.describedSchedule()), spec.owner(), task.methodName())
                    .initializer(builder(task))
                    .build());
            entries.add(new TableCode.Entry("", CodeBlock.of("$N", task.constant())));
        }
        schedule.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, SCHEDULED_TASK), "TASKS", Modifier.PUBLIC,
                        Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Every scheduled task of {@link $T}, in a stable order.\n", spec.owner())
                .initializer(flatList(entries))
                .build());
        schedule.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (TaskSpec task : spec.tasks()) {
            schedule.addMethod(MethodSpec.methodBuilder(task.runner())
                    .addJavadoc("Runs one tick of {@link #$N} on {@code owner}.\n", task.constant())
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addParameter(spec.owner(), "owner")
                    .addParameter(JOB_CONTEXT, "context")
                    .addException(Exception.class)
                    .addStatement("owner.$N($L)", task.methodName(), task.takesContext() ? "context" : "")
                    .build());
        }
        return SourceFiles.file(spec.schedule().packageName(), schedule.build());
    }

    /** {@code List.of(A, B, C)}: one owner's tasks need no group comments. */
    private static CodeBlock flatList(List<TableCode.Entry> entries) {
        List<CodeBlock> values = entries.stream().map(TableCode.Entry::value).toList();
        return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(values, ", "));
    }

    private static CodeBlock builder(TaskSpec task) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (task.cron()) {
            CodeBlock zone = task.zone().isEmpty() ? CodeBlock.of("$T.UTC", ZONE_OFFSET) : CodeBlock.of("$T.of($S)", ZONE_ID, task.zone());
            code.add("$T.cron($S, $S, $L)", SCHEDULED_TASK, task.wireName(), task.expression(), zone);
        } else {
            code.add("$T.every($S, $S, $L)", SCHEDULED_TASK, task.wireName(), task.expression(),
                    SourceFiles.durationCode(task.interval()));
        }
        code.indent().indent();
        if (!task.description().isEmpty()) {
            code.add("\n.description($S)", task.description());
        }
        if (!task.missed().equals(DEFAULT_MISSED)) {
            code.add("\n.missed($T.$L)", MISSED_TICKS, task.missed());
        }
        if (!task.overlap()) {
            code.add("\n.overlap(false)");
        }
        if (!task.queue().equals(DEFAULT_QUEUE)) {
            code.add("\n.queue($S)", task.queue());
        }
        if (task.retries() != 0) {
            code.add("\n.retries($L)", task.retries());
        }
        if (!task.timeout().isZero()) {
            code.add("\n.timeout($L)", SourceFiles.durationCode(task.timeout()));
        }
        return code.add("\n.build()").unindent().unindent().build();
    }

    /** "at minute 0 of every hour, UTC" as "At minute 0 of every hour, UTC." */
    private static String sentence(String phrase) {
        if (phrase.isEmpty()) {
            return phrase;
        }
        String capitalized = Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
        return capitalized.endsWith(".") ? capitalized : capitalized + ".";
    }
}
