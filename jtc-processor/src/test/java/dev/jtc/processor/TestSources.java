package dev.jtc.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dagger.internal.codegen.ComponentProcessor;
import javax.tools.JavaFileObject;

/** Small sources and compilations shared by the processor tests. */
final class TestSources {

    /** The application class most tests need: {@code p.ShopApp}, no modules. */
    static final JavaFileObject APP = source("p.ShopApp", """
            package p;

            import dev.jtc.JtcApplication;

            @JtcApplication
            final class ShopApp {}
            """);

    private TestSources() {
    }

    static JavaFileObject source(String qualifiedName, String code) {
        return JavaFileObjects.forSourceString(qualifiedName, code);
    }

    /** Compiles with jtc's processor alone: enough for errors, which stop jtc before it writes anything. */
    static Compilation compile(JavaFileObject... sources) {
        return javac().withProcessors(new JtcProcessor(), new JtcApplicationProcessor()).compile(sources);
    }

    /**
     * Compiles with jtc's processor and Dagger's, as a user's build does, with every lint on (but
     * the processing lint, which flags Dagger's unclaimed annotations), so generated code that
     * warns fails {@code succeededWithoutWarnings()}.
     */
    static Compilation compileWithDagger(JavaFileObject... sources) {
        return javac().withProcessors(new JtcProcessor(), new JtcApplicationProcessor(), new ComponentProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(sources);
    }

    /** The 1-based number of the first line that contains {@code text}. */
    static long lineOf(JavaFileObject source, String text) {
        String[] lines = content(source).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + text);
    }

    private static String content(JavaFileObject source) {
        try {
            return source.getCharContent(true).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The 1-based column of {@code text} within the first line that contains it, for asserting where an error points. */
    static long columnOf(JavaFileObject source, String text) {
        for (String line : content(source).split("\n", -1)) {
            int index = line.indexOf(text);
            if (index >= 0) {
                return index + 1;
            }
        }
        throw new IllegalArgumentException("no line contains " + text);
    }
}
