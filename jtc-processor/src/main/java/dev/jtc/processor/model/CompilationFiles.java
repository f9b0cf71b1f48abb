package dev.jtc.processor.model;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Where the compilation's classes come from and go to: whether an element was compiled from a
 * source of this compilation or read from a class file, and where the class output directory is.
 * jtc needs both to tell a contribution of this build from a leftover of an earlier one.
 *
 * <p>Uses javac's {@link Trees}. Gradle hands processors a wrapper of javac's environment, which
 * {@code Trees} does not accept, so the wrapper's delegate is used when there is one. Under a
 * compiler without {@code Trees} at all, every element counts as a source and no leftover is
 * detected.
 */
public final class CompilationFiles {

    private final Elements elements;
    private final Filer filer;
    private final Trees trees;
    private final Path classOutput;

    public CompilationFiles(ProcessingEnvironment environment) {
        this.elements = environment.getElementUtils();
        this.filer = environment.getFiler();
        this.trees = trees(environment);
        this.classOutput = classOutputDirectory(filer);
    }

    /** Whether {@code element} comes from a source file of this compilation (written by hand or generated). */
    public boolean fromSource(Element element) {
        if (trees == null) {
            return true;
        }
        try {
            TreePath path = trees.getPath(element);
            return path != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * The source file of {@code type}, relative to the class output directory
     * ({@code ../../src/main/java/com/acme/SendWelcomeEmail.java}), or empty when either is not a
     * file on disk. Relative, so that moving the project keeps it right.
     */
    public String sourceRelativeToClassOutput(TypeElement type) {
        if (trees == null || classOutput == null) {
            return "";
        }
        try {
            TreePath path = trees.getPath(type);
            if (path == null) {
                return "";
            }
            URI source = path.getCompilationUnit().getSourceFile().toUri();
            if (!"file".equals(source.getScheme())) {
                return "";
            }
            return classOutput.relativize(Paths.get(source).toAbsolutePath().normalize()).toString().replace('\\', '/');
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Whether {@code relative} (as {@link #sourceRelativeToClassOutput}) still names an existing file; true when unknown. */
    public boolean sourceExists(String relative) {
        if (relative.isEmpty() || classOutput == null) {
            return true;
        }
        return Files.exists(classOutput.resolve(relative).normalize());
    }

    /**
     * Whether the class file of the top-level class {@code type} lies in this compilation's class
     * output, that is, was written by an earlier build of the same module rather than coming
     * from a dependency.
     */
    public boolean inClassOutput(TypeElement type) {
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        String binaryName = elements.getBinaryName(type).toString();
        String simpleBinaryName = packageName.isEmpty() ? binaryName : binaryName.substring(packageName.length() + 1);
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, simpleBinaryName + ".class");
            try (InputStream in = file.openInputStream()) {
                return in != null;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Trees trees(ProcessingEnvironment environment) {
        ProcessingEnvironment current = environment;
        for (int depth = 0; current != null && depth < 4; depth++) {
            try {
                return Trees.instance(current);
            } catch (RuntimeException | LinkageError e) {
                current = delegate(current);
            }
        }
        return null;
    }

    /**
     * The environment a wrapper (Gradle's incremental processing, some IDEs) delegates to, read
     * from its {@code delegate} field as Lombok and others do; null when there is none. The
     * processor reads only its own compilation's environment this way, never user code.
     */
    private static ProcessingEnvironment delegate(ProcessingEnvironment wrapper) {
        for (Class<?> type = wrapper.getClass(); type != null; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField("delegate");
                field.setAccessible(true);
                Object value = field.get(wrapper);
                return value instanceof ProcessingEnvironment environment ? environment : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static Path classOutputDirectory(Filer filer) {
        try {
            URI probe = filer.getResource(StandardLocation.CLASS_OUTPUT, "", "jtc-probe").toUri();
            if (!"file".equals(probe.getScheme())) {
                return null;
            }
            return Paths.get(probe).toAbsolutePath().normalize().getParent();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
