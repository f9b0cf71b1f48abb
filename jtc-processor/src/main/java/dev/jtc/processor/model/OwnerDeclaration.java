package dev.jtc.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A class with {@code @Cron} or {@code @Every} methods, and those methods' declarations in a
 * stable order (by method name, then kind).
 */
public record OwnerDeclaration(TypeElement type, List<TaskDeclaration> tasks) {

    public OwnerDeclaration {
        tasks = List.copyOf(tasks);
    }

    public String qualifiedName() {
        return type.getQualifiedName().toString();
    }
}
