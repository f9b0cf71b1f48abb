package dev.jtc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Every Java block of README.md and docs/*.md, checked as its marker says (see {@link Marker}):
 * compiled as a whole compilation unit, compiled inside a named context, compiled as a file of
 * the page's example project, or matched against the sources it is an excerpt of. One test per
 * block, named after its page and line.
 */
class DocSnippetsTest {

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicNode> everyJavaBlockOfTheDocs() {
        return DocsBuild.pages().stream().map(this::page);
    }

    private DynamicNode page(Path page) {
        String name = DocsBuild.root().relativize(page).toString();
        List<CodeBlock> blocks;
        Optional<ExampleProject> project;
        try {
            blocks = Markdown.blocks(name, Files.readString(page));
            project = ExampleProject.of(name, blocks);
        } catch (IllegalArgumentException e) {
            return DynamicTest.dynamicTest(name + " (its code blocks)", page.toUri(), () -> {
                throw new AssertionFailedError(e.getMessage());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<DynamicNode> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            CodeBlock block = blocks.get(i);
            Optional<CodeBlock> next = i + 1 < blocks.size() ? Optional.of(blocks.get(i + 1)) : Optional.empty();
            Optional<Marker> marker = block.marker();
            URI source = URI.create(page.toUri() + "?line=" + block.line());
            Path dir = work.resolve(name.replace('/', '_') + "_" + block.line());
            if (marker.flatMap(Marker::filePath).isPresent()) {
                if (block.language().equals("java")) {
                    ExampleProject example = project.orElseThrow();
                    tests.add(DynamicTest.dynamicTest(block.where() + " " + marker.get().filePath().get(), source,
                            () -> example.check(block, work.resolve(name.replace('/', '_') + "_project"))));
                }
            } else if (!block.language().equals("java")) {
                if (marker.isPresent()) {
                    tests.add(DynamicTest.dynamicTest(block.where(), source, () -> {
                        throw new AssertionFailedError(block.where() + ": <!-- snippet: ... --> is for java blocks; this one is "
                                + (block.language().isEmpty() ? "plain text" : block.language()));
                    }));
                }
            } else if (marker.flatMap(Marker::notCompiledReason).isPresent()) {
                continue;
            } else if (marker.map(m -> !m.excerptOf().isEmpty()).orElse(false)) {
                tests.add(DynamicTest.dynamicTest(block.where() + " excerpt", source, () -> SnippetCheck.excerpt(block)));
            } else {
                tests.add(DynamicTest.dynamicTest(block.where(), source, () -> SnippetCheck.compile(block, next, dir)));
            }
        }
        return DynamicContainer.dynamicContainer(name, page.toUri(), tests.stream());
    }
}
