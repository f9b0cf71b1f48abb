package dev.jtc.runtime.broker;

import java.time.Instant;

/**
 * Why one attempt failed.
 *
 * @param attempt which attempt failed (1 for the first)
 * @param at when it failed
 * @param reason one line: the exception class and message, or what was wrong with the job
 * @param stackTrace the full stack trace; empty for failures that are not exceptions
 */
public record Failure(int attempt, Instant at, String reason, String stackTrace) {}
