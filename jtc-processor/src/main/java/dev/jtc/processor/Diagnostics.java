package dev.jtc.processor;

import dev.jtc.processor.validation.Diagnostic;
import dev.jtc.processor.validation.Message;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints diagnostics to javac, each once (validation runs again in later rounds over the same
 * classes, and a problem already reported must not be reported twice), and in source order:
 * what a round reports is held until {@link #flush()} at the end of the round and then printed
 * by file, line and column ({@link SourceOrder}), not in the order the rules found it.
 */
final class Diagnostics {

    private final Messager messager;
    private final SourceOrder order;
    private final Set<String> printed = new HashSet<>();
    private final List<Diagnostic> pending = new ArrayList<>();
    private boolean errors;

    Diagnostics(Messager messager, SourceOrder order) {
        this.messager = messager;
        this.order = order;
    }

    /** Reports {@code diagnostic} at the next {@link #flush()}, unless it was reported already. */
    void print(Diagnostic diagnostic) {
        String key = diagnostic.kind() + "|" + diagnostic.element() + "|" + diagnostic.text();
        if (!printed.add(key)) {
            return;
        }
        errors |= diagnostic.isError();
        pending.add(diagnostic);
    }

    /** An error on {@code element} (or none) for a failure inside jtc itself, with its stack trace. */
    void internalError(Element element, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String what = element == null ? "this compilation" : element.toString();
        print(new Diagnostic(Kind.ERROR, Message.INTERNAL_ERROR, Message.INTERNAL_ERROR.format(what, trace), element, null, null));
    }

    void error(Message message, Element element, Object... arguments) {
        print(new Diagnostic(Kind.ERROR, message, message.format(arguments), element, null, null));
    }

    /** Prints what was reported since the last flush, by file, line and column. */
    void flush() {
        List<Diagnostic> sorted = new ArrayList<>(pending);
        pending.clear();
        sorted.sort(order.comparator());
        for (Diagnostic diagnostic : sorted) {
            if (diagnostic.element() == null) {
                messager.printMessage(diagnostic.kind(), diagnostic.text());
            } else if (diagnostic.value() != null) {
                messager.printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element(), diagnostic.annotation(),
                        diagnostic.value());
            } else if (diagnostic.annotation() != null) {
                messager.printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element(), diagnostic.annotation());
            } else {
                messager.printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element());
            }
        }
    }

    /** Whether any error was reported in this compilation, by validation or by jtc failing. */
    boolean hadErrors() {
        return errors;
    }
}
