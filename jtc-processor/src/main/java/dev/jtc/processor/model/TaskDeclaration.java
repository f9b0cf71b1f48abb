package dev.jtc.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Cron} or {@code @Every} annotation on a method, as written. A method carrying both
 * gives two declarations; validation reports that.
 *
 * @param zone the {@code @Cron} zone; empty for {@code @Every}
 */
public record TaskDeclaration(
        ExecutableElement method,
        TypeElement owner,
        TaskKind kind,
        AnnotationMirror annotation,
        Attribute<String> expression,
        Attribute<String> zone,
        Attribute<String> name,
        Attribute<String> description,
        Attribute<String> missed,
        Attribute<Boolean> overlap,
        Attribute<String> queue,
        Attribute<Integer> retries,
        Attribute<String> timeout) {

    /** Whether the task is a cron or an interval task. */
    public enum TaskKind {
        CRON("@Cron"),
        EVERY("@Every");

        private final String annotation;

        TaskKind(String annotation) {
            this.annotation = annotation;
        }

        /** How the user writes it, for messages: {@code @Cron}. */
        public String annotation() {
            return annotation;
        }
    }

    /** The task's name on the wire: the {@code name} attribute, else {@code ClassName.methodName}. */
    public String wireName() {
        return name.value().isEmpty() ? owner.getSimpleName() + "." + method.getSimpleName() : name.value();
    }

    /** How messages name the method: {@code com.acme.Maintenance.hourlyCleanup()}. */
    public String methodDescription() {
        return owner.getQualifiedName() + "." + method.getSimpleName() + "()";
    }

    /**
     * The method with its parameter types, which tells overloads apart:
     * {@code com.acme.Maintenance.hourlyCleanup(JobContext)}.
     */
    public String signature() {
        List<String> parameters = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            parameters.add(type.getKind() == TypeKind.DECLARED
                    ? ((DeclaredType) type).asElement().getSimpleName().toString() : type.toString());
        }
        return owner.getQualifiedName() + "." + method.getSimpleName() + "(" + String.join(", ", parameters) + ")";
    }
}
