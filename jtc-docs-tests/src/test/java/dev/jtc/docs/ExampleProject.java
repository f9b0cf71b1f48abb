package dev.jtc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * The project a page builds from its {@code <!-- file: PATH -->} blocks (getting started's shop):
 * every such block is the file at that path, exactly as the page shows it. Its Java files compile
 * as Maven compiles them, the main sources first and then the test sources against them.
 */
final class ExampleProject {

    private static final String MAIN = "src/main/java/";
    private static final String TEST = "src/test/java/";

    private final String page;
    private final Map<String, CodeBlock> files;
    private SnippetCompiler.Result main;
    private SnippetCompiler.Result test;

    private ExampleProject(String page, Map<String, CodeBlock> files) {
        this.page = page;
        this.files = files;
    }

    /** The project of {@code blocks}' file blocks, or empty if the page has none. */
    static Optional<ExampleProject> of(String page, List<CodeBlock> blocks) {
        Map<String, CodeBlock> files = new LinkedHashMap<>();
        for (CodeBlock block : blocks) {
            Optional<String> path = block.marker().flatMap(Marker::filePath);
            if (path.isEmpty()) {
                continue;
            }
            CodeBlock earlier = files.put(path.get(), block);
            if (earlier != null) {
                throw new IllegalArgumentException(block.where() + ": " + path.get() + " is already the file of the block at " + earlier.where());
            }
            if (block.language().equals("java") && !path.get().startsWith(MAIN) && !path.get().startsWith(TEST)) {
                throw new IllegalArgumentException(block.where() + ": a Java file of the project belongs under " + MAIN + " or " + TEST + ", not at " + path.get());
            }
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(new ExampleProject(page, files));
    }

    Map<String, CodeBlock> files() {
        return files;
    }

    /** Writes every file of the project under {@code dir}, as the page shows it. */
    void writeTo(Path dir) {
        try {
            for (Map.Entry<String, CodeBlock> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue().code());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails if the Java file of {@code block} does not compile cleanly within the project. */
    synchronized void check(CodeBlock block, Path workDir) {
        if (main == null) {
            main = SnippetCompiler.compile(sources(MAIN), workDir.resolve("main"), DocsBuild.baseClasspath());
            List<Path> testPath = new ArrayList<>();
            testPath.add(workDir.resolve("main/classes"));
            testPath.addAll(DocsBuild.baseClasspath());
            test = main.success()
                    ? SnippetCompiler.compile(sources(TEST), workDir.resolve("test"), testPath)
                    : new SnippetCompiler.Result(false, List.of());
        }
        String path = block.marker().flatMap(Marker::filePath).orElseThrow();
        boolean isMain = path.startsWith(MAIN);
        String relative = path.substring(isMain ? MAIN.length() : TEST.length());
        SnippetCompiler.Result result = isMain ? main : test;
        List<SnippetCompiler.Message> own = new ArrayList<>();
        List<SnippetCompiler.Message> elsewhere = new ArrayList<>();
        for (SnippetCompiler.Message m : result.messages()) {
            if (!m.isError() && !m.isWarning()) {
                continue;
            }
            if (m.file().equals(relative)) {
                own.add(m);
            } else if (!files.containsKey((isMain ? MAIN : TEST) + m.file())) {
                elsewhere.add(m); // in generated code, or nowhere: every file's test reports it
            }
        }
        SnippetContexts.Compilation mine = new SnippetContexts.Compilation(List.of(new SnippetContexts.SourceFile(relative, block.code(), true, 1)), false);
        if (!own.isEmpty()) {
            throw new AssertionFailedError(block.where() + ": " + path + " of " + page + "'s project does not compile cleanly:\n"
                    + SnippetCheck.describe(own, mine, block));
        }
        if (!elsewhere.isEmpty()) {
            throw new AssertionFailedError(block.where() + ": " + page + "'s project does not compile: messages outside its files:\n"
                    + SnippetCheck.describe(elsewhere, mine, block));
        }
        if (!isMain && !main.success()) {
            throw new AssertionFailedError(block.where() + ": the test sources of " + page + "'s project were not compiled,"
                    + " since its main sources do not compile (see their tests)");
        }
        if (!result.success()) {
            throw new AssertionFailedError(block.where() + ": " + page + "'s project does not compile:\n"
                    + SnippetCheck.describe(result.messages(), mine, block));
        }
    }

    private List<SnippetContexts.SourceFile> sources(String under) {
        List<SnippetContexts.SourceFile> sources = new ArrayList<>();
        files.forEach((path, block) -> {
            if (path.startsWith(under) && path.endsWith(".java")) {
                sources.add(new SnippetContexts.SourceFile(path.substring(under.length()), block.code(), true, 1));
            }
        });
        return sources;
    }
}
