package dev.jtc.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.jtc.processor.validation.Diagnostic;
import java.util.Comparator;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Orders diagnostics as a reader meets them: by source file, then by position in it (so by line,
 * then column). Validation finds problems rule by rule; printed in that order, an error on line 30
 * would come before one on line 12 of the same file.
 *
 * <p>Positions come from javac's tree API. Where it is not there (another compiler, or an
 * environment wrapped by a build tool) or an element has no source (a class file), the diagnostic
 * keeps its place after those that have one: the order is then the order found, as before.
 */
final class SourceOrder {

    private final Trees trees;

    private SourceOrder(Trees trees) {
        this.trees = trees;
    }

    static SourceOrder of(ProcessingEnvironment environment) {
        try {
            return new SourceOrder(Trees.instance(environment));
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new SourceOrder(null);
        }
    }

    /** Sorts by file, then position; diagnostics without a source position last. Stable. */
    Comparator<Diagnostic> comparator() {
        Comparator<Position> byPlace = Comparator.comparing(Position::file).thenComparingLong(Position::offset);
        return Comparator.comparing(this::position, Comparator.nullsLast(byPlace));
    }

    private Position position(Diagnostic diagnostic) {
        if (trees == null || diagnostic.element() == null) {
            return null;
        }
        TreePath path;
        try {
            path = diagnostic.value() != null ? trees.getPath(diagnostic.element(), diagnostic.annotation(), diagnostic.value())
                    : diagnostic.annotation() != null ? trees.getPath(diagnostic.element(), diagnostic.annotation())
                    : trees.getPath(diagnostic.element());
        } catch (RuntimeException noTree) {
            return null;
        }
        if (path == null) {
            return null;
        }
        CompilationUnitTree unit = path.getCompilationUnit();
        return new Position(unit.getSourceFile().toUri().toString(), offset(unit, path.getLeaf()));
    }

    /**
     * Where javac puts a diagnostic on the tree: for a class, method or parameter that is its name,
     * which follows the modifiers (with their annotations, often a line above) and the type.
     */
    private long offset(CompilationUnitTree unit, Tree leaf) {
        SourcePositions positions = trees.getSourcePositions();
        Tree beforeName = null;
        if (leaf instanceof MethodTree method) {
            beforeName = method.getReturnType() != null ? method.getReturnType() : method.getModifiers();
        } else if (leaf instanceof ClassTree type) {
            beforeName = type.getModifiers();
        } else if (leaf instanceof VariableTree variable) {
            beforeName = variable.getType();
        }
        if (beforeName != null) {
            long end = positions.getEndPosition(unit, beforeName);
            if (end >= 0) {
                return end;
            }
        }
        return positions.getStartPosition(unit, leaf);
    }

    private record Position(String file, long offset) {
    }
}
