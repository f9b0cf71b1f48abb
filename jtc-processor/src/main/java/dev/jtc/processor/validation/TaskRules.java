package dev.jtc.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.OwnerDeclaration;
import dev.jtc.processor.model.TaskDeclaration;
import dev.jtc.processor.model.TaskDeclaration.TaskKind;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.schedule.CronCheck;
import dev.jtc.schedule.CronExpression;
import dev.jtc.schedule.CronSchedule;
import dev.jtc.schedule.IntervalSchedule;
import dev.jtc.schedule.ZoneCheck;
import dev.jtc.schedule.Zones;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * The rules of {@code @Cron} and {@code @Every} methods: one schedule per method, a callable
 * instance method taking nothing or a {@code JobContext}, an expression or interval that works,
 * a zone that follows {@link Zones}' rule, and a warning for times that daylight-saving
 * transitions skip or repeat.
 */
final class TaskRules {

    /**
     * The most scheduled methods one class may have: its schedule's static initializer builds a
     * {@code ScheduledTask} per method, about 50 bytes of bytecode each, and stays well under
     * 8,000 bytes at this many.
     */
    static final int MAX_TASKS_PER_CLASS = 100;

    private final Report report;
    private final AttributeRules attributes;

    TaskRules(Report report, AttributeRules attributes) {
        this.report = report;
        this.attributes = attributes;
    }

    void check(OwnerDeclaration owner) {
        List<TaskDeclaration> tasks = owner.tasks();
        if (tasks.size() > MAX_TASKS_PER_CLASS) {
            report.error(Message.TOO_MANY_TASKS, owner.type(), owner.qualifiedName(), tasks.size(), MAX_TASKS_PER_CLASS);
            return;
        }
        Set<ExecutableElement> methodsChecked = new HashSet<>();
        for (TaskDeclaration task : tasks) {
            if (methodsChecked.add(task.method())) {
                checkMethod(task);
            } else if (task.kind() == TaskKind.EVERY) {
                report.errorOnAnnotation(Message.CONFLICTING_SCHEDULES, task.method(), task.annotation(), task.methodDescription());
            }
            if (task.kind() == TaskKind.CRON) {
                checkCron(task);
            } else {
                checkEvery(task);
            }
            checkAttributes(task);
        }
        checkRunnerNames(owner);
    }

    /**
     * The owner's generated schedule runs each task through a static method named after the task's
     * method, and holds a constant named after it: two scheduled methods of one name (overloads)
     * would clash there.
     */
    private void checkRunnerNames(OwnerDeclaration owner) {
        // Names across classes are the application's to check; within one class they can be checked now.
        List<NameRules.Claim> claims = new ArrayList<>();
        for (TaskDeclaration task : owner.tasks()) {
            claims.add(new NameRules.Claim(task.wireName(), task.kind().annotation() + " method " + task.signature(), task.method(),
                    task.annotation(), task.name().source(), task.kind().annotation() + "(name = \"...\")"));
        }
        new NameRules(report, "").check(claims);
        Map<String, TaskDeclaration> byMethodName = new HashMap<>();
        for (TaskDeclaration task : owner.tasks()) {
            TaskDeclaration first = byMethodName.putIfAbsent(task.method().getSimpleName().toString(), task);
            // Two of one name on the wire are already reported as duplicates.
            if (first != null && first.method() != task.method() && !first.wireName().equals(task.wireName())) {
                String clash = "the generated " + GeneratedNames.schedule(ClassName.get(owner.type())).simpleName() + "."
                        + task.method().getSimpleName() + "(...)";
                report.errorOnAnnotation(Message.NAME_CLASH, task.method(), task.annotation(), first.signature(), task.signature(),
                        clash, "rename one of the methods");
            }
        }
    }

    private void checkMethod(TaskDeclaration task) {
        ExecutableElement method = task.method();
        String wrongModifiers = CalledMethods.forbiddenModifiers(method);
        if (!wrongModifiers.isEmpty()) {
            report.errorOnAnnotation(Message.INVALID_SCHEDULED_METHOD, method, task.annotation(), task.methodDescription(),
                    wrongModifiers);
            return;
        }
        boolean parametersFine = method.getParameters().isEmpty()
                || (method.getParameters().size() == 1 && Mirrors.isJobContext(method.getParameters().get(0).asType()));
        if (!parametersFine) {
            report.errorOnAnnotation(Message.INVALID_PARAMETERS, method, task.annotation(), task.methodDescription(),
                    CalledMethods.parameterList(method),
                    "a scheduled method takes no parameters or a single dev.jtc.runtime.JobContext; pass what it needs"
                            + " through its class's @Inject constructor");
            return;
        }
    }

    private void checkCron(TaskDeclaration task) {
        String expression = task.expression().value();
        CronCheck check = CronSchedule.check(expression);
        if (!check.isValid()) {
            report.error(Message.INVALID_CRON, task.method(), task.annotation(), task.expression(), expression,
                    task.methodDescription(), check.error());
            return;
        }
        CronExpression cron = check.cron();
        Optional<String> neverFires = cron.neverFiresReason();
        if (neverFires.isPresent()) {
            report.error(Message.CRON_NEVER_FIRES, task.method(), task.annotation(), task.expression(), expression,
                    task.methodDescription(), neverFires.get());
            return;
        }
        String zoneText = task.zone().value();
        if (zoneText.isEmpty()) {
            return;
        }
        ZoneCheck zone = Zones.check(zoneText);
        if (!zone.isValid()) {
            report.error(Message.INVALID_ZONE, task.method(), task.annotation(), task.zone(), zoneText, task.methodDescription(),
                    zone.error(), Zones.ACCEPTED);
            return;
        }
        Optional<String> dst = CronSchedule.of(cron, zone.zone()).dstWarning();
        if (dst.isPresent() && !Suppressions.suppressed(task.method(), Message.DST)) {
            AnnotationValue value = task.expression().source();
            report.warning(Message.DST, task.method(), task.annotation(), value, expression, task.methodDescription(), dst.get());
        }
    }

    private void checkEvery(TaskDeclaration task) {
        String written = task.expression().value();
        Optional<String> tooFine = attributes.positiveDuration("@Every(\"" + written + "\")", task.expression(), task.method(),
                task.annotation(), task.methodDescription()).flatMap(IntervalSchedule::resolutionWarning);
        if (tooFine.isPresent() && !Suppressions.suppressed(task.method(), Message.EVERY_RESOLUTION)) {
            report.warning(Message.EVERY_RESOLUTION, task.method(), task.annotation(), task.expression().source(), written,
                    task.methodDescription(), tooFine.get());
        }
    }

    private void checkAttributes(TaskDeclaration task) {
        ExecutableElement method = task.method();
        String owner = task.methodDescription();
        attributes.name("task", task.wireName(), task.name(), method, task.annotation(), owner);
        attributes.queue(task.queue(), method, task.annotation(), owner);
        attributes.retries(task.retries(), method, task.annotation(), owner);
        attributes.optionalDuration("timeout", task.timeout(), method, task.annotation(), owner);
    }
}
