package dev.jtc.runtime.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts that make every multi-key step atomic. Each is a resource next to this class,
 * loaded with {@code lib.lua} (shared helpers) in front of it, and run by its SHA-1 with
 * {@code EVALSHA}; the SHA is computed here, so a server that lost its script cache (restart,
 * {@code SCRIPT FLUSH}) is simply sent the text again.
 */
enum Script {
    ENQUEUE("enqueue"),
    FETCH("fetch"),
    COMPLETE("complete"),
    RETRY("retry"),
    FAIL("fail"),
    RELEASE("release"),
    RECOVER("recover"),
    RECONCILE("reconcile"),
    UNREGISTER("unregister"),
    CANCEL("cancel"),
    CLAIM_TICK("claim_tick"),
    RETRY_FAILED("retry_failed"),
    DELETE_FAILED("delete_failed"),
    PURGE_FAILED("purge_failed"),
    QUEUE_STATS("queue_stats");

    private final String fileName;
    private final String text;
    private final String sha;

    Script(String name) {
        this.fileName = name + ".lua";
        this.text = resource("lib.lua") + "\n" + resource(fileName);
        this.sha = sha1(text);
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
