package dev.jtc.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTML comment right above a code block says about it. Two forms:
 *
 * <ul>
 *   <li>{@code <!-- file: src/main/java/com/example/shop/Mailer.java -->}: the block is that file of
 *       the page's example project (getting started); the page's file blocks are compiled together,
 *       and {@code pom.xml} among them is the project's build.
 *   <li>{@code <!-- snippet: CLAUSE; CLAUSE -->}, with the clauses
 *       <ul>
 *         <li>{@code context NAME}: a fragment, compiled inside the named context (see {@link SnippetContexts});
 *         <li>{@code given Broker broker, AppDefinition app}: variables a {@code statements} fragment uses;
 *         <li>{@code imports a.b.C, d.e.*}: imports beyond the context's own;
 *         <li>{@code expect [jtc:TAG]}: the code must make jtc report that diagnostic (a diagnostics page's example);
 *         <li>{@code excerpt of a.b.C, d.e.F}: the block is cut from those classes' real sources (hand-written or
 *             generated), with {@code ...} for what is left out, and must match them;
 *         <li>{@code not-compiled (REASON)}: the block is not checked, for the reason given.
 *       </ul>
 * </ul>
 *
 * A block without a marker must be a whole compilation unit.
 */
record Marker(Optional<String> filePath, Optional<String> context, List<String> given, List<String> imports,
        Optional<String> expectedTag, List<String> excerptOf, Optional<String> notCompiledReason) {

    private static final Pattern COMMENT = Pattern.compile("^<!--\\s*(snippet|file)\\s*:(.*?)-->\\s*$");
    private static final Pattern TAG = Pattern.compile("\\[jtc:[a-z-]+]");
    private static final Pattern NOT_COMPILED = Pattern.compile("not-compiled\\s*\\((.*\\S.*)\\)");

    /**
     * Reads the marker in {@code line}, if the line is a {@code snippet:} or {@code file:} comment.
     *
     * @throws IllegalArgumentException saying what is wrong, if it is one but does not parse
     */
    static Optional<Marker> parse(String line, String where) {
        Matcher comment = COMMENT.matcher(line.strip());
        if (!comment.matches()) {
            if (line.strip().matches("^<!--\\s*(snippet|file)\\b.*")) {
                throw new IllegalArgumentException(where + ": a marker comment is one line: <!-- snippet: ... --> or <!-- file: PATH -->, got: " + line.strip());
            }
            return Optional.empty();
        }
        String body = comment.group(2).strip();
        if (comment.group(1).equals("file")) {
            if (body.isEmpty() || body.contains(" ")) {
                throw new IllegalArgumentException(where + ": <!-- file: PATH --> needs one path relative to the project, without spaces, got: '" + body + "'");
            }
            return Optional.of(new Marker(Optional.of(body), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), Optional.empty()));
        }
        Optional<String> context = Optional.empty();
        List<String> given = List.of();
        List<String> imports = List.of();
        Optional<String> expect = Optional.empty();
        List<String> excerpt = List.of();
        Optional<String> reason = Optional.empty();
        for (String clause : body.split(";")) {
            String c = clause.strip();
            if (c.startsWith("context ")) {
                String name = c.substring("context ".length()).strip();
                if (!SnippetContexts.NAMES.contains(name)) {
                    throw new IllegalArgumentException(where + ": unknown context '" + name + "'; the contexts are " + SnippetContexts.NAMES);
                }
                context = Optional.of(name);
            } else if (c.startsWith("given ")) {
                given = splitTopLevel(c.substring("given ".length()));
            } else if (c.startsWith("imports ")) {
                imports = splitTopLevel(c.substring("imports ".length()));
            } else if (c.startsWith("expect ")) {
                String tag = c.substring("expect ".length()).strip();
                if (!TAG.matcher(tag).matches()) {
                    throw new IllegalArgumentException(where + ": expect takes one diagnostic tag such as [jtc:invalid-cron], got '" + tag + "'");
                }
                expect = Optional.of(tag);
            } else if (c.startsWith("excerpt of ")) {
                excerpt = splitTopLevel(c.substring("excerpt of ".length()));
            } else if (c.startsWith("not-compiled")) {
                Matcher m = NOT_COMPILED.matcher(c);
                if (!m.matches()) {
                    throw new IllegalArgumentException(where + ": not-compiled needs its reason in parentheses: not-compiled (why this block cannot compile)");
                }
                reason = Optional.of(m.group(1).strip());
            } else {
                throw new IllegalArgumentException(where + ": unknown clause '" + c + "' in <!-- snippet: ... -->; the clauses are"
                        + " context NAME, given DECLARATIONS, imports TYPES, expect [jtc:TAG], excerpt of CLASSES, not-compiled (REASON)");
            }
        }
        boolean compiled = context.isPresent() || !given.isEmpty() || !imports.isEmpty() || expect.isPresent();
        if (reason.isPresent() && (compiled || !excerpt.isEmpty())) {
            throw new IllegalArgumentException(where + ": a not-compiled block takes no other clause");
        }
        if (!excerpt.isEmpty() && compiled) {
            throw new IllegalArgumentException(where + ": an excerpt is matched against its sources, not compiled: it takes no other clause");
        }
        if (!given.isEmpty() && !context.equals(Optional.of(SnippetContexts.STATEMENTS))) {
            throw new IllegalArgumentException(where + ": given declares variables of a 'context " + SnippetContexts.STATEMENTS + "' fragment only");
        }
        return Optional.of(new Marker(Optional.empty(), context, given, imports, expect, excerpt, reason));
    }

    /** Splits at commas outside angle brackets, so {@code Map<String, Integer> m, Clock clock} is two. */
    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (char c : list.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(part.toString().strip());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString().strip());
        parts.removeIf(String::isEmpty);
        return List.copyOf(parts);
    }
}
