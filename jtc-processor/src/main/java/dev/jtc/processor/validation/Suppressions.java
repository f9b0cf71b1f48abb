package dev.jtc.processor.validation;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * jtc's warnings are silenced as javac's are: {@code @SuppressWarnings("jtc:dst")} or
 * {@code @SuppressWarnings("jtc:handle-result")} on the method or on any class around it.
 */
final class Suppressions {

    private Suppressions() {
    }

    /** Whether {@code @SuppressWarnings("jtc:" + message.tag())} sits on {@code element} or a class around it. */
    static boolean suppressed(Element element, Message message) {
        String key = "jtc:" + message.tag();
        for (Element current = element; current instanceof ExecutableElement || current instanceof TypeElement;
                current = current.getEnclosingElement()) {
            SuppressWarnings suppress = current.getAnnotation(SuppressWarnings.class);
            if (suppress != null && List.of(suppress.value()).contains(key)) {
                return true;
            }
        }
        return false;
    }
}
