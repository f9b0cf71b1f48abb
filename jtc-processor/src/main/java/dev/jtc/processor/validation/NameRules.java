package dev.jtc.processor.validation;

import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.CompilationModel;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.TaskDeclaration;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Job and task names share one namespace on the wire (a task's ticks run as jobs of its name),
 * so no two may be equal. The second one, in the model's stable order, gets the error, naming
 * the first.
 */
final class NameRules {

    private final Report report;

    NameRules(Report report) {
        this.report = report;
    }

    private record Named(String description, Element element, AnnotationMirror annotation, Attribute<String> name) {}

    void check(CompilationModel model) {
        Map<String, Named> seen = new HashMap<>();
        for (JobDeclaration job : model.jobs()) {
            claim(seen, job.wireName(), new Named("@Job class " + job.qualifiedName(), job.type(), job.annotation(), job.name()));
        }
        for (TaskDeclaration task : model.tasks()) {
            claim(seen, task.wireName(), new Named(task.kind().annotation() + " method " + task.signature(),
                    task.method(), task.annotation(), task.name()));
        }
    }

    private void claim(Map<String, Named> seen, String name, Named claimant) {
        Named first = seen.putIfAbsent(name, claimant);
        if (first != null && first.element() != claimant.element()) {
            report.error(Message.DUPLICATE_NAME, claimant.element(), claimant.annotation(), claimant.name(), name,
                    claimant.description(), first.description());
        }
    }
}
