package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.DeprecatedUses;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.JobDeclaration.Handle;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.OwnerDeclaration;
import dev.jtc.processor.model.PayloadTypeReader;
import dev.jtc.processor.model.RateLimit;
import dev.jtc.processor.model.TaskDeclaration;
import dev.jtc.processor.model.TaskDeclaration.TaskKind;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.naming.GeneratedNames.MarkerKind;
import dev.jtc.processor.writing.JobSpec.Argument;
import dev.jtc.schedule.CronSchedule;
import dev.jtc.schedule.Durations;
import dev.jtc.schedule.IntervalSchedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns one class that passed its own validation into the spec of what its compilation writes:
 * a job's codec and marker, or an owner's schedule and marker. It assumes validation passed and
 * does not re-check. Everything it decides depends on that class alone, so a library compiles its
 * jobs without knowing the application.
 */
public final class ClassSpecs {

    private static final int FINGERPRINT_HEX_DIGITS = 16;

    private final Elements elements;
    private final Function<TypeElement, String> sourceOf;

    /** @param sourceOf the class's source relative to the class output, or empty (recorded in its marker) */
    public ClassSpecs(Elements elements, Function<TypeElement, String> sourceOf) {
        this.elements = elements;
        this.sourceOf = sourceOf;
    }

    public JobSpec job(JobDeclaration job) {
        ClassName type = ClassName.get(job.type());
        Handle handle = job.handles().get(0);
        String ownPackage = type.packageName();
        PayloadTypeReader payloadTypes = new PayloadTypeReader(elements, ownPackage);
        DeprecatedUses deprecated = new DeprecatedUses(elements);
        deprecated.element(job.type()).element(handle.method());
        List<? extends VariableElement> parameters = handle.method().getParameters();
        List<String> payloadNames = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!Mirrors.isJobContext(handle.parameterTypes().get(i))) {
                payloadNames.add(parameters.get(i).getSimpleName().toString());
            }
        }
        List<String> componentNames = GeneratedNames.recordComponentNames(payloadNames);
        List<Argument> arguments = new ArrayList<>();
        StringBuilder schema = new StringBuilder();
        Set<String> recordsSpelled = new HashSet<>();
        int payloadIndex = 0;
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i).getSimpleName().toString();
            TypeMirror parameterType = handle.parameterTypes().get(i);
            if (Mirrors.isJobContext(parameterType)) {
                arguments.add(new Argument(name, null, null, true));
                continue;
            }
            Argument argument = new Argument(name, componentNames.get(payloadIndex++), payloadTypes.read(parameterType).type(), false);
            arguments.add(argument);
            deprecated.type(parameterType);
            if (schema.length() > 0) {
                schema.append(',');
            }
            schema.append(name).append(':');
            argument.type().appendSchema(schema, recordsSpelled);
        }
        return new JobSpec(
                type,
                job.wireName(),
                job.queue().value(),
                job.retries().value(),
                optionalDuration(job.timeout()),
                Durations.parse(job.backoffBase().value()),
                Durations.parse(job.backoffCap().value()),
                GeneratedNames.codec(type),
                arguments,
                handle.method().isVarArgs(),
                schema.toString(),
                fingerprint(schema.toString()),
                limits(job),
                job.middleware().stream()
                        .map(middleware -> ClassName.get((TypeElement) ((DeclaredType) middleware.value()).asElement()))
                        .toList(),
                deprecated.warnings(),
                GeneratedNames.marker(type, MarkerKind.JOB),
                sourceOf.apply(job.type()),
                job.type());
    }

    private static JobSpec.Limits limits(JobDeclaration job) {
        String rateText = job.rateLimit().value();
        RateLimit rate = rateText.isEmpty() ? null : RateLimit.parse(rateText);
        Optional<JobDeclaration.Overlap> overlap = job.overlap();
        return new JobSpec.Limits(
                job.maxConcurrency().value(),
                rate == null ? 0 : rate.count(),
                rate == null ? Duration.ZERO : rate.per(),
                job.limitKey().value(),
                overlap.isPresent(),
                overlap.map(present -> present.key().value()).orElse(""));
    }

    public ScheduleSpec schedule(OwnerDeclaration owner) {
        ClassName type = ClassName.get(owner.type());
        DeprecatedUses deprecated = new DeprecatedUses(elements);
        deprecated.element(owner.type());
        List<TaskSpec> tasks = new ArrayList<>();
        for (TaskDeclaration task : owner.tasks()) {
            deprecated.element(task.method());
            tasks.add(task(task));
        }
        return new ScheduleSpec(type, GeneratedNames.schedule(type), tasks, deprecated.warnings(),
                GeneratedNames.marker(type, MarkerKind.TASKS), sourceOf.apply(owner.type()), owner.type());
    }

    private static TaskSpec task(TaskDeclaration task) {
        boolean cron = task.kind() == TaskKind.CRON;
        String expression = task.expression().value();
        String zone = task.zone().value();
        Duration interval = cron ? null : Durations.parse(expression);
        String described = cron
                ? CronSchedule.of(expression, zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone)).describe()
                : IntervalSchedule.of(interval).describe();
        String methodName = task.method().getSimpleName().toString();
        String constant = GeneratedNames.upperSnake(methodName);
        return new TaskSpec(
                task.wireName(),
                cron,
                expression,
                zone,
                interval,
                described,
                task.description().value(),
                task.missed().value(),
                task.overlap().value(),
                task.queue().value(),
                task.retries().value(),
                optionalDuration(task.timeout()),
                methodName,
                !task.method().getParameters().isEmpty(),
                // The schedule's list of all its tasks is TASKS.
                constant.equals("TASKS") ? "TASKS_TASK" : constant,
                methodName,
                task.method());
    }

    private static Duration optionalDuration(Attribute<String> attribute) {
        return attribute.value().isEmpty() ? Duration.ZERO : Durations.parse(attribute.value());
    }

    /** The first 16 hex digits of the SHA-256 of the schema: short, stable, and changes with the schema. */
    static String fingerprint(String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; hex.length() < FINGERPRINT_HEX_DIGITS; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
