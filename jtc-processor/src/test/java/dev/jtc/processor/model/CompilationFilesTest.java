package dev.jtc.processor.model;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;

/** Telling a class compiled now from one read from a class file, also through a wrapped environment as Gradle passes it. */
final class CompilationFilesTest {

    @Test
    void sourcesAreToldFromClassFilesDirectlyAndThroughAWrapper() {
        List<Boolean> seen = new ArrayList<>();
        AbstractProcessor probe = new AbstractProcessor() {
            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("*");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                if (round.processingOver()) {
                    return false;
                }
                for (ProcessingEnvironment environment : List.of(processingEnv, new Wrapper(processingEnv))) {
                    CompilationFiles files = new CompilationFiles(environment);
                    seen.add(files.fromSource(processingEnv.getElementUtils().getTypeElement("p.Here")));
                    seen.add(files.fromSource(processingEnv.getElementUtils().getTypeElement("java.lang.String")));
                }
                return false;
            }
        };
        assertThat(javac().withProcessors(probe).compile(JavaFileObjects.forSourceString("p.Here", "package p; class Here {}")))
                .succeeded();
        assertEquals(List.of(true, false, true, false), seen);
    }

    /** An environment that delegates everything, the shape of Gradle's incremental-processing wrapper. */
    private static final class Wrapper implements ProcessingEnvironment {
        private final ProcessingEnvironment delegate;

        Wrapper(ProcessingEnvironment delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, String> getOptions() {
            return delegate.getOptions();
        }

        @Override
        public Messager getMessager() {
            return delegate.getMessager();
        }

        @Override
        public Filer getFiler() {
            return delegate.getFiler();
        }

        @Override
        public Elements getElementUtils() {
            return delegate.getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return delegate.getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return delegate.getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return delegate.getLocale();
        }
    }
}
