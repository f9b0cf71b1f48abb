package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.columnOf;
import static dev.jtc.processor.TestSources.lineOf;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;

/**
 * The check every diagnostic test ends with: the compilation reported exactly one error, it
 * contains the expected message, and it sits where the user must look. Anchored by content, never
 * by line numbers, so sources can change around it.
 */
final class OnlyDiagnostic {

    private OnlyDiagnostic() {
    }

    /** The one error contains {@code message} and sits on the line of {@code source} that contains {@code lineText}. */
    static void assertOnlyError(Compilation compilation, String message, JavaFileObject source, String lineText) {
        assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(lineText);
        assertThat(compilation).hadErrorCount(1);
    }

    /**
     * The one error contains {@code message} and points at an annotation value: on the first line of
     * {@code source} that contains {@code lineText}, at the column where {@code valueText} starts.
     */
    static void assertOnlyErrorAt(Compilation compilation, String message, JavaFileObject source, String lineText,
            String valueText) {
        assertThat(compilation).hadErrorContaining(message)
                .inFile(source).onLine(lineOf(source, lineText)).atColumn(columnOf(source, valueText));
        assertThat(compilation).hadErrorCount(1);
    }
}
