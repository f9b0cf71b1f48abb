package dev.jtc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Java block into the compilation units that check it: a whole compilation unit as it
 * is; a fragment inside its named context. The contexts:
 *
 * <ul>
 *   <li>{@value #STATEMENTS}: statements in a method of a class in package {@code dev.jtc.sample}
 *       that may throw anything, with the variables of the marker's {@code given} as its
 *       parameters; the sample's classes and test classes on the class path, and the runtime's,
 *       the sample's and JUnit's packages imported;
 *   <li>{@value #MEMBERS}: members of such a class (fields, methods, JUnit lifecycle methods);
 *   <li>{@value #DECLARATIONS}: top-level declarations, in package {@code com.example.shop} unless
 *       the block has a package line, with jtc's, Dagger's, jakarta.inject's and common JDK
 *       packages imported;
 *   <li>{@value #ACME}: the same in package {@code com.acme.shop}, the diagnostics page's package,
 *       beside a {@code @JtcApplication ShopApp} unless the block has its own application, so that
 *       the application's checks run too;
 *   <li>{@value #ACME_TASK}: members of {@code com.acme.shop.Tasks}, an injectable class, there;
 *   <li>{@value #ACME_JOB}: members of {@code @Job com.acme.shop.SendWelcomeEmail} there;
 *   <li>{@value #ACME_JOB_ANNOTATION}: the annotations of a job class {@code com.acme.shop.SendWelcomeEmail}
 *       with an {@code @Inject} constructor and {@code handle(long userId)}.
 * </ul>
 */
final class SnippetContexts {

    static final String STATEMENTS = "statements";
    static final String MEMBERS = "members";
    static final String DECLARATIONS = "declarations";
    static final String ACME = "acme";
    static final String ACME_TASK = "acme-task";
    static final String ACME_JOB = "acme-job";
    static final String ACME_JOB_ANNOTATION = "acme-job-annotation";

    static final Set<String> NAMES = Set.of(STATEMENTS, MEMBERS, DECLARATIONS, ACME, ACME_TASK, ACME_JOB, ACME_JOB_ANNOTATION);

    private static final List<String> SAMPLE_IMPORTS = List.of(
            "static org.junit.jupiter.api.Assertions.*",
            "org.junit.jupiter.api.*",
            "dev.jtc.*",
            "dev.jtc.runtime.*",
            "dev.jtc.runtime.broker.*",
            "dev.jtc.runtime.cli.*",
            "dev.jtc.runtime.dashboard.*",
            "dev.jtc.runtime.redis.*",
            "dev.jtc.runtime.testing.*",
            "dev.jtc.runtime.worker.*",
            "dev.jtc.sample.inventory.*",
            "dev.jtc.sample.invoices.*",
            "dev.jtc.sample.mail.*",
            "dev.jtc.sample.orders.*",
            "dev.jtc.sample.payments.*",
            "dagger.*",
            "jakarta.inject.*",
            "java.math.*",
            "java.time.*",
            "java.util.*",
            // single-type imports win over the on-demand ones that share these names
            "dev.jtc.sample.orders.Order",
            "dev.jtc.sample.payments.Currency",
            "dagger.Module");

    private static final List<String> DECLARATION_IMPORTS = List.of(
            "dev.jtc.*",
            "dev.jtc.runtime.*",
            "dagger.*",
            "jakarta.inject.*",
            "java.math.*",
            "java.nio.file.*",
            "java.time.*",
            "java.util.*",
            "dagger.Module");

    private static final Pattern DECLARATION_START = Pattern.compile(
            "(@|public |final |abstract |sealed |non-sealed |class |interface |record |enum )");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(public\\s+)?(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);

    /**
     * One file to compile. If it holds lines of the block ({@code fromBlock}), the block's line
     * {@code n} (from 1) is the file's line {@code codeLine + n - 1}.
     */
    record SourceFile(String path, String content, boolean fromBlock, int codeLine) {

        /** The block's line (from 1) at line {@code fileLine} of this file, if the block has that line. */
        OptionalInt blockLine(long fileLine, int blockLines) {
            long line = fileLine - codeLine + 1;
            return fromBlock && line >= 1 && line <= blockLines ? OptionalInt.of((int) line) : OptionalInt.empty();
        }
    }

    /** The files that check a block, and whether the sample's classes belong on the class path. */
    record Compilation(List<SourceFile> sources, boolean withSample) {
    }

    private SnippetContexts() {
    }

    static Compilation of(CodeBlock block) {
        Marker marker = block.marker().orElse(null);
        String code = block.code();
        List<String> extraImports = marker == null ? List.of() : marker.imports();
        String context = marker == null ? null : marker.context().orElse(null);
        if (context == null) {
            return new Compilation(List.of(new SourceFile(pathOf(code, block), code, true, 1)), false);
        }
        return switch (context) {
            case STATEMENTS -> sampleClass(block, extraImports,
                    "    void run(" + String.join(", ", marker.given()) + ") throws Exception {\n", code, "    }\n");
            case MEMBERS -> sampleClass(block, extraImports, "", code, "");
            case DECLARATIONS -> declarations("com.example.shop", extraImports, false, block, "", code, "");
            case ACME -> declarations("com.acme.shop", extraImports, true, block, "", code, "");
            case ACME_TASK -> declarations("com.acme.shop", extraImports, true, block,
                    "public final class Tasks {\n    @Inject\n    public Tasks() {}\n\n", code, "}\n");
            case ACME_JOB -> declarations("com.acme.shop", extraImports, true, block,
                    "@Job\npublic final class SendWelcomeEmail {\n    @Inject\n    public SendWelcomeEmail() {}\n\n", code, "}\n");
            case ACME_JOB_ANNOTATION -> declarations("com.acme.shop", extraImports, true, block,
                    "", code, "public final class SendWelcomeEmail {\n    @Inject\n    public SendWelcomeEmail() {}\n\n"
                            + "    public void handle(long userId) {}\n}\n");
            default -> throw new IllegalArgumentException(block.where() + ": unknown context " + context);
        };
    }

    private static Compilation sampleClass(CodeBlock block, List<String> extraImports, String before, String code, String after) {
        StringBuilder unit = new StringBuilder("package dev.jtc.sample;\n\n");
        imports(unit, SAMPLE_IMPORTS, extraImports);
        unit.append("\n@SuppressWarnings(\"unused\")\nfinal class DocSnippet {\n").append(before);
        int codeLine = lineCount(unit) + 1;
        unit.append(code).append(after).append("}\n");
        return new Compilation(List.of(new SourceFile("dev/jtc/sample/DocSnippet.java", unit.toString(), true, codeLine)), true);
    }

    /**
     * {@code code} between {@code before} and {@code after}, in its own package or
     * {@code defaultPackage}; each top-level type in a file of its own, so a block may declare
     * several public ones.
     */
    private static Compilation declarations(String defaultPackage, List<String> extraImports, boolean withApp,
            CodeBlock block, String before, String code, String after) {
        Matcher pkg = PACKAGE.matcher(code);
        String packageName = defaultPackage;
        String body = code;
        String packageLine = "package " + defaultPackage + ";\n";
        int skippedLines = 0;
        if (pkg.find() && code.substring(0, pkg.start()).isBlank()) {
            packageName = pkg.group(1);
            packageLine = code.substring(0, pkg.end()) + "\n";
            body = code.substring(pkg.end());
            skippedLines = lineCount(code.substring(0, pkg.end()));
            // the package line's own newline goes with it
            if (body.startsWith("\n")) {
                body = body.substring(1);
                skippedLines++;
            }
        }
        StringBuilder header = new StringBuilder(packageLine).append('\n');
        imports(header, DECLARATION_IMPORTS, extraImports);
        header.append('\n');
        int headerLines = lineCount(header);
        String text = before + body + after;
        int beforeLines = lineCount(before);
        List<SourceFile> sources = new ArrayList<>();
        List<String> lines = List.of(text.split("\n", -1));
        List<Integer> starts = typeStarts(lines);
        for (int i = 0; i < starts.size(); i++) {
            int from = i == 0 ? 0 : starts.get(i);
            int to = i + 1 < starts.size() ? starts.get(i + 1) : lines.size();
            String chunk = String.join("\n", lines.subList(from, to));
            if (!chunk.endsWith("\n")) {
                chunk += "\n";
            }
            String content = header + chunk;
            // text line (from 0) `from` is the file's line headerLines + 1 and the block's line from + 1 + skippedLines - beforeLines
            int codeLine = headerLines + 1 - from - skippedLines + beforeLines;
            sources.add(new SourceFile(packageName.replace('.', '/') + "/" + primaryType(content, block) + ".java", content, true, codeLine));
        }
        if (withApp && !code.contains("@JtcApplication")) {
            sources.add(new SourceFile("com/acme/shop/ShopApp.java",
                    "package com.acme.shop;\n\nimport dev.jtc.JtcApplication;\n\n@JtcApplication\npublic final class ShopApp {}\n", false, 0));
        }
        return new Compilation(sources, false);
    }

    /**
     * The lines (from 0) where a top-level type starts, with its annotations: a line at column 0
     * that opens a declaration, after a line at column 0 that closes one. The first is always 0.
     */
    private static List<Integer> typeStarts(List<String> lines) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        String previous = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (previous != null && DECLARATION_START.matcher(line).lookingAt() && previous.endsWith("}") && !previous.startsWith(" ")) {
                starts.add(i);
            }
            previous = line;
        }
        return starts;
    }

    private static void imports(StringBuilder unit, List<String> contextImports, List<String> extraImports) {
        for (String name : contextImports) {
            unit.append("import ").append(name).append(";\n");
        }
        for (String name : extraImports) {
            unit.append("import ").append(name).append(";\n");
        }
    }

    /** The file a whole compilation unit goes in: its package's directory, named after its public (or first) type. */
    private static String pathOf(String code, CodeBlock block) {
        Matcher pkg = PACKAGE.matcher(code);
        String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
        return dir + primaryType(code, block) + ".java";
    }

    private static String primaryType(String code, CodeBlock block) {
        Matcher type = TOP_LEVEL_TYPE.matcher(code);
        String first = null;
        while (type.find()) {
            if (type.group(1) != null) {
                return type.group(2);
            }
            if (first == null) {
                first = type.group(2);
            }
        }
        if (first == null) {
            throw new IllegalArgumentException(block.where() + ": this block declares no top-level type, so it is not a whole"
                    + " compilation unit; mark it with <!-- snippet: context NAME --> (contexts: " + NAMES + ")");
        }
        return first;
    }

    private static int lineCount(CharSequence text) {
        int lines = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
