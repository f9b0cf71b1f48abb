package dev.jtc.processor;

import dev.jtc.processor.validation.Diagnostic;
import dev.jtc.processor.validation.Message;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints diagnostics to javac, each once: validation runs again in later rounds over the same
 * classes, and a problem already reported must not be reported twice.
 */
final class Diagnostics {

    private final Messager messager;
    private final Set<String> printed = new HashSet<>();
    private boolean errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    void print(Diagnostic diagnostic) {
        String key = diagnostic.kind() + "|" + diagnostic.element() + "|" + diagnostic.text();
        if (!printed.add(key)) {
            return;
        }
        errors |= diagnostic.isError();
        if (diagnostic.value() != null) {
            messager.printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element(), diagnostic.annotation(), diagnostic.value());
        } else if (diagnostic.annotation() != null) {
            messager.printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element(), diagnostic.annotation());
        } else {
            messager.printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element());
        }
    }

    /** An error on {@code element} (or none) for a failure inside jtc itself, with its stack trace. */
    void internalError(Element element, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String what = element == null ? "this compilation" : element.toString();
        String text = Message.INTERNAL_ERROR.format(what, trace);
        errors = true;
        if (element == null) {
            messager.printMessage(Kind.ERROR, text);
        } else {
            messager.printMessage(Kind.ERROR, text, element);
        }
    }

    void error(Message message, Element element, Object... arguments) {
        errors = true;
        messager.printMessage(Kind.ERROR, message.format(arguments), element);
    }

    /** Whether any error was printed in this compilation, by validation or by jtc failing. */
    boolean hadErrors() {
        return errors;
    }
}
