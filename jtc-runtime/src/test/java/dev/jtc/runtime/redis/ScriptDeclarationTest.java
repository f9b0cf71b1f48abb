package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The first half of "safe against a mid-script error, by construction" (see {@code lib.lua}):
 * every script declares every key it touches, directly or through a helper of {@code lib.lua},
 * so that its first line checks them all before anything is written. The key references are
 * read from the Lua text: {@code K.<name>} and {@code <kind>_key(...)}, in the script and,
 * transitively, in every helper it calls. A key derived from the script's own arguments must be
 * declared with exactly that expression on the check line; one derived from the ids the script
 * handles must be named on its {@code -- per job:} line. The other half, that a declared key of
 * the wrong type leaves every job where it was, is {@link RedisScriptKeyTypesTest}.
 */
class ScriptDeclarationTest {

    private static final Pattern FUNCTION = Pattern.compile("(?m)^local function ([a-z_]+)\\(");
    private static final Pattern QUEUE_KEY = Pattern.compile("\\bK\\.([a-z]+)");
    private static final Pattern DERIVED_KEY = Pattern.compile("\\b([a-z]+)_key\\(([^()]*)\\)");
    private static final Pattern WRITE = Pattern.compile(
            "'(SET|DEL|HSET|HDEL|HINCRBY|LPUSH|RPUSH|LREM|LTRIM|LPOP|RPOP|ZADD|ZREM|ZREMRANGEBYSCORE|RENAME|PEXPIRE|EXPIRE|PERSIST|SADD|SREM)'");

    /** What one function of lib.lua touches by itself, and which other helpers it calls. */
    private record Helper(Set<String> queueKeys, Set<String> derivedKinds, Set<String> calls, boolean writes) {}

    private static final Map<String, Helper> LIB = readLib();

    /**
     * Keys that record for the operator's eyes only (see {@code lib.lua}): written with
     * {@code redis.pcall}, whose error is ignored, so they need no declaration; a broken one must
     * not refuse the step it records. {@link #advisoryKeysAreWrittenOnlyThroughPcall} holds them to it.
     */
    private static final Set<String> ADVISORY_QUEUE_KEYS = Set.of("K.recent");
    private static final Set<String> ADVISORY_KINDS = Set.of("bucket");

    /**
     * Keys that count by their existence alone, touched only with commands that work on a key of
     * any type (EXISTS, SET, DEL), so they need no declaration either:
     * {@link #typeAgnosticKeysAreTouchedOnlyByCommandsThatTakeAnyType} holds them to it.
     */
    private static final Set<String> TYPE_AGNOSTIC_QUEUE_KEYS = Set.of("K.paused");
    private static final Pattern ANY_TYPE_COMMAND = Pattern.compile("redis\\.call\\('(EXISTS|SET|DEL)', K\\.paused\\b");

    private static Map<String, Helper> readLib() {
        String lib = resource("lib.lua");
        Matcher functions = FUNCTION.matcher(lib);
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (functions.find()) {
            names.add(functions.group(1));
            starts.add(functions.start());
        }
        Map<String, Helper> helpers = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String text = lib.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : lib.length());
            text = text.substring(text.indexOf('\n') + 1); // the body, not the definition line
            helpers.put(names.get(i), new Helper(queueKeys(text), derivedKinds(text), calls(text, names), WRITE.matcher(text).find()));
        }
        return helpers;
    }

    private static Set<String> queueKeys(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = QUEUE_KEY.matcher(withoutComments(text));
        while (m.find()) {
            out.add("K." + m.group(1));
        }
        return out;
    }

    private static Set<String> derivedKinds(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = DERIVED_KEY.matcher(withoutComments(text));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> calls(String text, List<String> helpers) {
        Set<String> out = new HashSet<>();
        String code = withoutComments(text);
        for (String helper : helpers) {
            if (Pattern.compile("\\b" + helper + "\\s*[({]").matcher(code).find()) {
                out.add(helper);
            }
        }
        return out;
    }

    /** Every helper {@code names} reaches, themselves included. */
    private static Set<String> closure(Set<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(names);
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (seen.add(name)) {
                todo.addAll(LIB.get(name).calls());
            }
        }
        return seen;
    }

    private static String withoutComments(String text) {
        return text.replaceAll("--[^\\n]*", "");
    }

    private static String resource(String name) {
        try (InputStream in = Script.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void everyKeyAScriptTouchesIsDeclaredOnItsFirstLine(Script script) {
        String body = script.body();
        String code = withoutComments(body.substring(body.indexOf('\n') + 1));
        Set<String> declared = new HashSet<>();
        script.keys().forEach(k -> declared.add(k.key()));
        Set<String> perJob = new HashSet<>();
        script.perJobKeys().forEach(k -> perJob.add(k.key()));
        Set<String> helpers = closure(calls(code, new ArrayList<>(LIB.keySet())));
        helpers.removeAll(Set.of("check_keys", "report_keys")); // the declaration's own checkers

        Set<String> queueKeys = new TreeSet<>(queueKeys(code));
        helpers.forEach(h -> queueKeys.addAll(LIB.get(h).queueKeys()));
        queueKeys.removeIf(declared::contains);
        queueKeys.removeAll(ADVISORY_QUEUE_KEYS);
        queueKeys.removeAll(TYPE_AGNOSTIC_QUEUE_KEYS);
        assertEquals(Set.of(), queueKeys, script.fileName() + " touches queue keys it does not declare (helpers: " + helpers + ")");

        // Keys derived from an argument, written in the script itself: declared with that very expression.
        Matcher derived = DERIVED_KEY.matcher(code);
        Set<String> undeclared = new TreeSet<>();
        while (derived.find()) {
            String expression = derived.group(0);
            String kind = derived.group(1);
            boolean fromArgument = derived.group(2).matches("ARGV\\[\\d+\\]");
            if (fromArgument ? !declared.contains(expression) && !perJob.contains(kind) : !perJob.contains(kind)
                    && !declared.stream().anyMatch(d -> d.startsWith(kind + "_key("))) {
                undeclared.add(expression);
            }
        }
        for (String helper : helpers) {
            for (String kind : LIB.get(helper).derivedKinds()) {
                if (!perJob.contains(kind) && !ADVISORY_KINDS.contains(kind) && declared.stream().noneMatch(d -> d.startsWith(kind + "_key("))) {
                    undeclared.add(kind + "_key(...) in " + helper);
                }
            }
        }
        assertEquals(Set.of(), undeclared, script.fileName() + " derives keys it does not declare");
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void advisoryKeysAreWrittenOnlyThroughPcall(Script script) {
        for (String line : withoutComments(script.body()).split("\n")) {
            if (ADVISORY_QUEUE_KEYS.stream().anyMatch(line::contains)) {
                assertTrue(line.contains("redis.pcall(") && !line.contains("redis.call("), script.fileName() + ": " + line);
            }
        }
        for (String kind : ADVISORY_KINDS) {
            assertFalse(withoutComments(script.body()).contains(kind + "_key("), script.fileName() + " derives a " + kind
                    + " key itself; only the lib.lua helpers that write it through pcall may");
        }
    }

    @org.junit.jupiter.api.Test
    void typeAgnosticKeysAreTouchedOnlyByCommandsThatTakeAnyType() {
        List<String> texts = new ArrayList<>(List.of(resource("lib.lua")));
        for (Script script : Script.values()) {
            texts.add(script.body());
        }
        int uses = 0;
        for (String text : texts) {
            for (String line : withoutComments(text).split("\n")) {
                if (TYPE_AGNOSTIC_QUEUE_KEYS.stream().anyMatch(line::contains)) {
                    uses++;
                    assertTrue(ANY_TYPE_COMMAND.matcher(line).find(), line);
                }
            }
        }
        assertTrue(uses >= 3, "the pause flag is set, cleared and read");
    }

    @org.junit.jupiter.api.Test
    void libHelpersThatDeriveAdvisoryKeysWriteOnlyThroughPcall() {
        String lib = resource("lib.lua");
        for (Map.Entry<String, Helper> helper : LIB.entrySet()) {
            if (helper.getValue().derivedKinds().stream().anyMatch(ADVISORY_KINDS::contains) && helper.getValue().writes()) {
                String body = functionBody(lib, helper.getKey());
                assertFalse(body.contains("redis.call("), helper.getKey() + " writes an advisory key with redis.call");
                assertTrue(body.contains("redis.pcall("), helper.getKey());
            }
        }
    }

    private static String functionBody(String lib, String name) {
        int start = lib.indexOf("local function " + name + "(");
        int next = lib.indexOf("\nlocal ", start + 1);
        return withoutComments(lib.substring(start, next < 0 ? lib.length() : next));
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void everyDeclaredKeyIsUsedAndHasAKnownType(Script script) {
        Set<String> types = Set.of("list", "zset", "hash", "set", "string");
        script.keys().forEach(k -> assertTrue(types.contains(k.type()), script.fileName() + ": " + k));
        script.perJobKeys().forEach(k -> assertTrue(types.contains(k.type()) || k.type().equals("any"), script.fileName() + ": " + k));
        assertFalse(script.keys().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void aScriptThatReportsBrokenKeysWritesNothing(Script script) {
        if (!script.reportsBrokenKeys()) {
            assertTrue(script.body().startsWith("local BAD = check_keys {"), script.fileName());
            return;
        }
        String code = withoutComments(script.body());
        assertFalse(WRITE.matcher(code).find(), script.fileName() + " writes");
        for (String helper : closure(calls(code, new ArrayList<>(LIB.keySet())))) {
            assertFalse(LIB.get(helper).writes(), script.fileName() + " calls " + helper + ", which writes");
        }
    }
}
