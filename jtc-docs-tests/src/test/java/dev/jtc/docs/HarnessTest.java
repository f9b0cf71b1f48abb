package dev.jtc.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The checks of the docs' code themselves: that they find what is wrong, and say where. */
class HarnessTest {

    @TempDir
    Path work;

    @Test
    void findsBlocksWithTheirLinesMarkersAndWhetherOneFollowsAnother() {
        List<CodeBlock> blocks = Markdown.blocks("docs/x.md", """
                # Title

                <!-- snippet: context statements; given Map<String, Integer> counts, Clock clock -->
                ```java
                int n = counts.size();
                ```
                ```
                output
                ```

                ```sh
                mvn verify
                ```
                """);
        assertEquals(3, blocks.size());
        CodeBlock first = blocks.get(0);
        assertEquals("docs/x.md:4", first.where());
        assertEquals("java", first.language());
        assertEquals("int n = counts.size();\n", first.code());
        assertEquals(List.of("Map<String, Integer> counts", "Clock clock"), first.marker().orElseThrow().given());
        assertTrue(blocks.get(1).followsPrevious());
        assertEquals("", blocks.get(1).language());
        assertTrue(blocks.get(2).followsPrevious(), "blank lines only between");
        assertTrue(blocks.get(2).marker().isEmpty());
    }

    @Test
    void rejectsMarkersThatAreMisspelledIncompleteOrNotAboveAFence() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Markdown.blocks("docs/x.md", "<!-- snippet: contxt statements -->\n```java\nx();\n```\n"));
        assertTrue(unknown.getMessage().startsWith("docs/x.md:1: unknown clause 'contxt statements'"), unknown.getMessage());

        IllegalArgumentException context = assertThrows(IllegalArgumentException.class,
                () -> Markdown.blocks("docs/x.md", "<!-- snippet: context statement -->\n```java\nx();\n```\n"));
        assertTrue(context.getMessage().contains("unknown context 'statement'"), context.getMessage());

        IllegalArgumentException reason = assertThrows(IllegalArgumentException.class,
                () -> Markdown.blocks("docs/x.md", "<!-- snippet: not-compiled -->\n```java\nx();\n```\n"));
        assertTrue(reason.getMessage().contains("needs its reason"), reason.getMessage());

        IllegalArgumentException dangling = assertThrows(IllegalArgumentException.class,
                () -> Markdown.blocks("docs/x.md", "<!-- snippet: context members -->\n\n```java\nint x;\n```\n"));
        assertTrue(dangling.getMessage().contains("right above a code block's opening fence"), dangling.getMessage());

        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> Markdown.blocks("docs/x.md", "text\n```java\nint x;\n"));
        assertEquals("docs/x.md:2: the code block opened here is never closed", open.getMessage());
    }

    @Test
    void anExcerptMatchesWithElisionsAndReportsTheFirstLineThatNoLongerDoes() {
        String source = """
                package a;

                /** Docs. */
                public final class Shop {
                    private final int size;

                    /** Makes one. */
                    public Shop(int size) {
                        this.size = size;
                    }

                    public int size() { return size; }
                }
                """;
        assertEquals(Optional.empty(), Excerpt.firstMismatch("""
                public final class Shop {
                    ...
                    public Shop(int size) { ... }

                    public int size() { return size; }   // a comment of the docs' own
                }
                """, source));
        // adjacent lines must be adjacent in the source
        assertEquals(Optional.of(2), Excerpt.firstMismatch("""
                public final class Shop {
                    public Shop(int size) { ... }
                """, source));
        assertEquals(Optional.of(3), Excerpt.firstMismatch("""
                public Shop(int size) {
                    ...
                public long size() { return size; }
                """, source));
    }

    @Test
    void aFragmentThatDoesNotCompileFailsAtItsLineOfThePage() {
        CodeBlock block = javaBlock("<!-- snippet: context statements; given Settings settings -->", "int n = settings.size();\n");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> SnippetCheck.compile(block, Optional.empty(), work));
        assertTrue(failure.getMessage().startsWith("docs/x.md:2: the java block does not compile cleanly:\n  docs/x.md:3: error: cannot find symbol"),
                failure.getMessage());
    }

    @Test
    void aWholeUnitWithAWarningFails() {
        CodeBlock block = javaBlock(null, """
                package com.example;

                public final class Numbers {
                    long parse(String s) { return (long) Long.parseLong(s); }
                }
                """);
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> SnippetCheck.compile(block, Optional.empty(), work));
        assertTrue(failure.getMessage().contains("docs/x.md:6: warning: redundant cast to long"), failure.getMessage());
    }

    @Test
    void anExpectedDiagnosticMustBeReportedAndItsShownOutputMustBeReal() {
        CodeBlock clean = javaBlock("<!-- snippet: context acme-task; expect [jtc:invalid-cron] -->", "@Cron(\"0 0 * * *\") void report() {}\n");
        AssertionFailedError missing = assertThrows(AssertionFailedError.class, () -> SnippetCheck.compile(clean, Optional.empty(), work.resolve("a")));
        assertTrue(missing.getMessage().startsWith("docs/x.md:2: expected jtc to report [jtc:invalid-cron], but it"), missing.getMessage());

        CodeBlock wrong = javaBlock("<!-- snippet: context acme-task; expect [jtc:invalid-cron] -->", "@Cron(\"0 0 32 * *\") void report() {}\n");
        CodeBlock shown = new CodeBlock("docs/x.md", 5, "",
                "Tasks.java:6: error: [jtc:invalid-cron] @Cron(\"0 0 32 * *\") on com.acme.shop.Tasks.report() is wrong\n", Optional.empty(), true);
        AssertionFailedError stale = assertThrows(AssertionFailedError.class, () -> SnippetCheck.compile(wrong, Optional.of(shown), work.resolve("b")));
        assertTrue(stale.getMessage().startsWith("docs/x.md:2: the output shown at docs/x.md:5 is not what the compiler prints"), stale.getMessage());
        assertTrue(stale.getMessage().contains("day-of-month 32 is out of range 1-31"), stale.getMessage());
    }

    @Test
    void anExcerptOfAClassNobodyHasSaysWhereItLooked() {
        CodeBlock block = javaBlock("<!-- snippet: excerpt of dev.jtc.sample.NoSuchClass -->", "class NoSuchClass {}\n");
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> SnippetCheck.excerpt(block));
        assertTrue(failure.getMessage().startsWith("docs/x.md:2: excerpt of dev.jtc.sample.NoSuchClass, but no source of it is under ["),
                failure.getMessage());
    }

    /** A java block at docs/x.md:2 (its code from line 3), with the marker on line 1. */
    private static CodeBlock javaBlock(String marker, String code) {
        String page = (marker == null ? "" : marker) + "\n```java\n" + code + "```\n";
        return Markdown.blocks("docs/x.md", page).get(0);
    }
}
