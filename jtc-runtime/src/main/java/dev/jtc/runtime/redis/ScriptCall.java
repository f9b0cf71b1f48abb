package dev.jtc.runtime.redis;

import java.util.List;

/**
 * One run of a {@link Script}: the queue's keys and the arguments.
 *
 * @param script which script
 * @param keys its KEYS
 * @param args its ARGV
 */
record ScriptCall(Script script, List<String> keys, List<String> args) {}
