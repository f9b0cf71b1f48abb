package dev.jtc.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * What a user method must be for generated code to call it directly on a new instance: a job's
 * {@code handle} and every {@code @Cron}/{@code @Every} method follow the same rules, so both
 * {@link JobRules} and {@link TaskRules} ask here.
 */
final class CalledMethods {

    private static final List<Modifier> FORBIDDEN = List.of(Modifier.PRIVATE, Modifier.STATIC, Modifier.ABSTRACT);

    private CalledMethods() {
    }

    /** The modifiers that stop the call, as written ({@code "private static"}); empty if none. */
    static String forbiddenModifiers(ExecutableElement method) {
        List<String> found = new ArrayList<>();
        for (Modifier modifier : FORBIDDEN) {
            if (method.getModifiers().contains(modifier)) {
                found.add(modifier.toString());
            }
        }
        return String.join(" ", found);
    }

    /** The parameter types as messages show them: {@code java.lang.String, long}. */
    static String parameterList(ExecutableElement method) {
        List<String> types = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            types.add(parameter.asType().toString());
        }
        return String.join(", ", types);
    }
}
