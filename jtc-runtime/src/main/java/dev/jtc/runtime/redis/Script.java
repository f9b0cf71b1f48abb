package dev.jtc.runtime.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lua scripts that make every multi-key step atomic. Each is a resource next to this class,
 * loaded with {@code lib.lua} (shared helpers) in front of it, and run by its SHA-1 with
 * {@code EVALSHA}; the SHA is computed here, so a server that lost its script cache (restart,
 * {@code SCRIPT FLUSH}) is simply sent the text again.
 *
 * <p>Every script starts with its key declaration, which is also its first statement: either
 * {@code local BAD = check_keys { K.ready, 'list', active_key(ARGV[4]), 'zset', ... } if BAD then
 * return BAD end}, which refuses to run (error reply {@code JTCKEY <expected> <found> <key>}) when
 * one of those keys holds another type, before anything is written; or, for a read-only script,
 * {@code local BROKEN, IS_BROKEN = report_keys { ... }}, which reports such keys instead. A second
 * line {@code -- per job: job:hash history:list} names the keys the script derives from the ids
 * it handles, which it checks itself (see {@code lib.lua}). A script without the declaration is
 * refused here, at class initialisation; tests check that no script touches a key it does not
 * declare, and corrupt every declared key in turn.
 */
enum Script {
    ENQUEUE("enqueue"),
    FETCH("fetch"),
    COMPLETE("complete"),
    RETRY("retry"),
    FAIL("fail"),
    RELEASE("release"),
    POSTPONE("postpone"),
    RECOVER("recover"),
    RECONCILE("reconcile"),
    UNREGISTER("unregister"),
    CANCEL("cancel"),
    CLAIM_TICK("claim_tick"),
    RETRY_FAILED("retry_failed"),
    DELETE_FAILED("delete_failed"),
    PURGE_FAILED("purge_failed"),
    QUEUE_STATS("queue_stats"),
    PAUSE("pause"),
    REPAIR("repair"),
    LEASE("lease"),
    RATE("rate");

    private final String fileName;
    private final String body;
    private final String text;
    private final String sha;
    private final List<DeclaredKey> keys;
    private final List<DeclaredKey> perJobKeys;
    private final boolean reportsBrokenKeys;

    Script(String name) {
        this.fileName = name + ".lua";
        this.body = resource(fileName);
        this.text = resource("lib.lua") + "\n" + body;
        this.sha = sha1(text);
        String[] lines = body.split("\n", 3);
        Matcher checked = Patterns.CHECKED.matcher(lines[0]);
        Matcher reported = Patterns.REPORTED.matcher(lines[0]);
        if (!checked.matches() && !reported.matches()) {
            throw new IllegalStateException("Lua script " + fileName + " does not start with its key declaration"
                    + " (local BAD = check_keys { ... } if BAD then return BAD end)");
        }
        this.reportsBrokenKeys = reported.matches();
        this.keys = declaredKeys(fileName, reportsBrokenKeys ? reported.group(1) : checked.group(1));
        List<DeclaredKey> perJob = new ArrayList<>();
        Matcher derived = lines.length > 1 ? Patterns.PER_JOB.matcher(lines[1]) : null;
        if (derived != null && derived.matches()) {
            for (String entry : derived.group(1).trim().split(" ")) {
                String[] parts = entry.split(":");
                perJob.add(new DeclaredKey(parts[0], parts[1]));
            }
        }
        this.perJobKeys = List.copyOf(perJob);
    }

    private static List<DeclaredKey> declaredKeys(String fileName, String list) {
        List<DeclaredKey> out = new ArrayList<>();
        Matcher key = Patterns.KEY.matcher(list);
        int end = 0;
        while (key.find()) {
            if (list.substring(end, key.start()).replace(",", "").isBlank()) {
                out.add(new DeclaredKey(key.group(1), key.group(2)));
                end = key.end();
            }
        }
        if (out.isEmpty() || !list.substring(end).isBlank()) {
            throw new IllegalStateException("Lua script " + fileName + " has a key declaration that cannot be read: { " + list + " }");
        }
        return List.copyOf(out);
    }

    /** The shapes of the declarations (a holder: an enum's constructor cannot read its own static fields). */
    private static final class Patterns {
        static final Pattern CHECKED = Pattern.compile(
                "local BAD = check_keys \\{ (.*) \\} if BAD then return BAD end");
        static final Pattern REPORTED = Pattern.compile("local BROKEN, IS_BROKEN = report_keys \\{ (.*) \\}");
        static final Pattern KEY = Pattern.compile("(K\\.[a-z]+|[a-z]+_key\\(ARGV\\[\\d+\\]\\)), '([a-z]+)'");
        static final Pattern PER_JOB = Pattern.compile("-- per job:((?: [a-z]+:[a-z]+)+)");
    }

    /**
     * One key a script declares.
     *
     * @param key a queue key ({@code K.failed}), a key derived from an argument ({@code active_key(ARGV[4])}), or
     *     in a per-job declaration the kind of key ({@code job}, {@code history}, {@code active})
     * @param type the Redis type jtc keeps there, or {@code any} for a key used only by type-blind commands
     */
    record DeclaredKey(String key, String type) {}

    /** The keys checked (or reported) before the script does anything else. */
    List<DeclaredKey> keys() {
        return keys;
    }

    /** The kinds of key the script derives from the ids it handles, and checks itself. */
    List<DeclaredKey> perJobKeys() {
        return perJobKeys;
    }

    /** Whether the script is read-only and reports keys of the wrong type instead of refusing. */
    boolean reportsBrokenKeys() {
        return reportsBrokenKeys;
    }

    /** The script's own text, without {@code lib.lua}. */
    String body() {
        return body;
    }

    String fileName() {
        return fileName;
    }

    /** The full text sent to {@code SCRIPT LOAD}: the helpers, then the script. */
    String text() {
        return text;
    }

    String sha() {
        return sha;
    }

    private static String resource(String name) {
        try (InputStream in = Script.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing from the jtc-runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + name, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
