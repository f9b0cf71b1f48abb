package dev.jtc.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import org.opentest4j.AssertionFailedError;

/**
 * Checks one Java block of the docs: compiles it (in its context), or matches it against the
 * sources it is an excerpt of. Failures name the page and line, with javac's messages mapped
 * onto the page's lines.
 */
final class SnippetCheck {

    /** A diagnostic as the docs print it: {@code Tasks.java:6: error: [jtc:invalid-cron] ...}. */
    private static final Pattern PRINTED = Pattern.compile("^\\S+\\.java:\\d+: (error|warning|Note): (.*)$");

    private SnippetCheck() {
    }

    /**
     * Compiles {@code block}. Without {@code expect} it must compile with no error and no
     * warning; with {@code expect [jtc:TAG]} jtc must report that tag, and if {@code output} (the
     * block right after it) shows the message, the first one shown must be one the compiler printed.
     */
    static void compile(CodeBlock block, Optional<CodeBlock> output, Path workDir) {
        SnippetContexts.Compilation compilation = SnippetContexts.of(block);
        List<Path> classpath = compilation.withSample() ? DocsBuild.sampleClasspath() : DocsBuild.baseClasspath();
        SnippetCompiler.Result result = SnippetCompiler.compile(compilation.sources(), workDir, classpath);
        Optional<String> expected = block.marker().flatMap(Marker::expectedTag);
        if (expected.isEmpty()) {
            List<SnippetCompiler.Message> problems = result.messages().stream()
                    .filter(m -> m.isError() || m.isWarning()).toList();
            if (!result.success() || !problems.isEmpty()) {
                throw new AssertionFailedError(block.where() + ": the " + block.language() + " block does not compile cleanly:\n"
                        + describe(problems.isEmpty() ? result.messages() : problems, compilation, block)
                        + "\n\nas compiled:\n" + numbered(compilation));
            }
            return;
        }
        String tag = expected.get();
        List<SnippetCompiler.Message> tagged = result.messages().stream().filter(m -> m.text().startsWith(tag)).toList();
        if (tagged.isEmpty()) {
            throw new AssertionFailedError(block.where() + ": expected jtc to report " + tag + ", but it "
                    + (result.messages().isEmpty() ? "reported nothing" : "reported:\n" + describe(result.messages(), compilation, block))
                    + "\n\nas compiled:\n" + numbered(compilation));
        }
        Optional<Matcher> printed = output.filter(CodeBlock::followsPrevious).filter(o -> o.language().isEmpty())
                .map(o -> PRINTED.matcher(o.code().lines().findFirst().orElse(""))).filter(Matcher::matches);
        if (printed.isPresent()) {
            Diagnostic.Kind kind = switch (printed.get().group(1)) {
                case "error" -> Diagnostic.Kind.ERROR;
                case "warning" -> Diagnostic.Kind.WARNING;
                default -> Diagnostic.Kind.NOTE;
            };
            String text = printed.get().group(2);
            boolean found = result.messages().stream().anyMatch(m -> m.text().equals(text)
                    && (m.kind() == kind || kind == Diagnostic.Kind.WARNING && m.isWarning()));
            if (!found) {
                throw new AssertionFailedError(block.where() + ": the output shown at " + output.get().where()
                        + " is not what the compiler prints for this code. The page shows:\n  " + printed.get().group(1) + ": " + text
                        + "\nthe compiler printed:\n" + describe(tagged, compilation, block));
            }
        }
    }

    /** Matches an {@code excerpt of ...} block against the named classes' sources, concatenated in that order. */
    static void excerpt(CodeBlock block) {
        List<String> classes = block.marker().orElseThrow().excerptOf();
        StringBuilder sources = new StringBuilder();
        List<Path> files = new ArrayList<>();
        for (String name : classes) {
            Path file = findSource(name, block);
            files.add(file);
            sources.append(read(file)).append('\n');
        }
        Optional<Integer> mismatch = Excerpt.firstMismatch(block.code(), sources.toString());
        if (mismatch.isPresent()) {
            int line = mismatch.get();
            String text = block.code().lines().skip(line - 1).findFirst().orElse("").strip();
            throw new AssertionFailedError(block.where() + ": the excerpt no longer matches its sources: its line "
                    + (block.firstCodeLine() + line - 1) + " ('" + text + "') does not follow the lines before it in "
                    + files.stream().map(f -> DocsBuild.root().relativize(f).toString()).collect(Collectors.joining(", "))
                    + " (write ... where the excerpt leaves something out)");
        }
    }

    private static Path findSource(String className, CodeBlock block) {
        String relative = className.replace('.', '/') + ".java";
        for (Path root : DocsBuild.sourceRoots()) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new AssertionFailedError(block.where() + ": excerpt of " + className + ", but no source of it is under "
                + DocsBuild.sourceRoots().stream().map(r -> DocsBuild.root().relativize(r).toString()).toList());
    }

    /** The messages, each at its line of the page where it falls in the block, else at the context's line. */
    static String describe(List<SnippetCompiler.Message> messages, SnippetContexts.Compilation compilation, CodeBlock block) {
        if (messages.isEmpty()) {
            return "  (the compiler failed without a message)";
        }
        int blockLines = (int) block.code().lines().count();
        StringBuilder out = new StringBuilder();
        for (SnippetCompiler.Message m : messages) {
            String where = m.file().isEmpty() ? "(no file)" : m.file() + ":" + m.line() + " (the context's code)";
            for (SnippetContexts.SourceFile source : compilation.sources()) {
                OptionalInt line = source.path().equals(m.file()) ? source.blockLine(m.line(), blockLines) : OptionalInt.empty();
                if (line.isPresent()) {
                    where = block.file() + ":" + (block.firstCodeLine() + line.getAsInt() - 1);
                }
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("  ").append(where).append(": ").append(m.kind().toString().toLowerCase(Locale.ROOT))
                    .append(": ").append(m.text());
        }
        return out.toString();
    }

    private static String numbered(SnippetContexts.Compilation compilation) {
        StringBuilder out = new StringBuilder();
        for (SnippetContexts.SourceFile source : compilation.sources()) {
            out.append("  // ").append(source.path()).append('\n');
            List<String> lines = source.content().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                out.append(String.format(Locale.ROOT, "  %3d  %s%n", i + 1, lines.get(i)));
            }
        }
        return out.toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
