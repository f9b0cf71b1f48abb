package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.LIST;
import static dev.jtc.processor.writing.SourceFiles.MISSED_TICKS;
import static dev.jtc.processor.writing.SourceFiles.SCHEDULED_TASK;
import static dev.jtc.processor.writing.SourceFiles.ZONE_ID;
import static dev.jtc.processor.writing.SourceFiles.ZONE_OFFSET;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.writing.JobsWriter.ListEntry;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>ScheduleRegistry}: one {@code ScheduledTask} constant per {@code @Cron} or
 * {@code @Every} method, built with only the builder calls that differ from the defaults, and a
 * javadoc that says the schedule in plain words.
 */
public final class ScheduleRegistryWriter {

    private static final String DEFAULT_QUEUE = "default";
    private static final String DEFAULT_MISSED = "RUN_ONCE";

    public JavaFile write(ApplicationSpec app) {
        ClassName registryClass = app.names().scheduleRegistry();
        TypeSpec.Builder registry = TypeSpec.classBuilder(registryClass)
                .addJavadoc("The scheduled tasks of $L: one constant per {@code @Cron} or {@code @Every} method. Each tick\n"
                        + "runs as a job named after the task, through {@link $T}.\n", app.applicationReference(), app.names().jobRunner())
                .addAnnotation(SourceFiles.GENERATED)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        app.originatingElements().forEach(registry::addOriginatingElement);
        for (TaskSpec task : app.tasks()) {
            registry.addField(FieldSpec.builder(SCHEDULED_TASK, task.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L Runs {@link $T#$L}.\n", sentence(task.describedSchedule()), task.owner(), task.methodName())
                    .initializer(builder(task))
                    .build());
        }
        List<ListEntry> entries = new ArrayList<>();
        app.tasks().forEach(task -> entries.add(new ListEntry("tasks declared in " + task.owner().canonicalName(), task.constant())));
        registry.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, SCHEDULED_TASK), "TASKS", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Every scheduled task of the application, in a stable order.\n")
                .initializer(JobsWriter.listOf(entries))
                .build());
        registry.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        return SourceFiles.file(registryClass.packageName(), registry.build());
    }

    private static CodeBlock builder(TaskSpec task) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (task.cron()) {
            CodeBlock zone = task.zone().isEmpty() ? CodeBlock.of("$T.UTC", ZONE_OFFSET) : CodeBlock.of("$T.of($S)", ZONE_ID, task.zone());
            code.add("$T.cron($S, $S, $L)", SCHEDULED_TASK, task.wireName(), task.expression(), zone);
        } else {
            code.add("$T.every($S, $S, $L)", SCHEDULED_TASK, task.wireName(), task.expression(), JobsWriter.durationCode(task.interval()));
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
            code.add("\n.timeout($L)", JobsWriter.durationCode(task.timeout()));
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
