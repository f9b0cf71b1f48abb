package dev.jtc.runtime.worker;

import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.schedule.Durations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

/** Turns what went wrong in an attempt into a {@link Failure} whose reason fits on one line. */
final class Failures {

    private static final int MAX_REASON_LENGTH = 500;

    private Failures() {}

    /** A failure thrown by the job: {@code Class: message}, and the stack trace. */
    static Failure thrown(JobMessage job, Throwable error, Instant at) {
        return new Failure(job.attempt(), at, reason(error), stackTrace(error));
    }

    /** A job that ran past its timeout; the stack shows where its thread was at the deadline. */
    static Failure timedOut(JobMessage job, Duration timeout, StackTraceElement[] stack, Instant at) {
        StringBuilder trace = new StringBuilder("job thread at the deadline:\n");
        for (StackTraceElement element : stack) {
            trace.append("\tat ").append(element).append('\n');
        }
        return new Failure(job.attempt(), at, "timed out after " + Durations.format(timeout)
                + " (attempt " + job.attempt() + "); its thread was interrupted", stack.length == 0 ? "" : trace.toString());
    }

    /** A job whose name this application does not know. */
    static Failure unknownJob(JobMessage job, String message, Instant at) {
        return new Failure(job.attempt(), at, oneLine(message), "");
    }

    /**
     * A payload that does not decode, naming both schema fingerprints and whether they differ,
     * so drift between the producer and the worker shows at a glance.
     */
    static Failure undecodablePayload(JobMessage job, JobType type, PayloadException error, Instant at) {
        String producer = job.fingerprint();
        String worker = type == null ? "" : type.fingerprint();
        String comparison;
        if (producer.isEmpty()) {
            comparison = "the producer sent no schema fingerprint; this worker's is '" + worker + "'";
        } else if (producer.equals(worker)) {
            comparison = "producer and worker fingerprints are the same ('" + worker
                    + "'), so the payload itself is malformed";
        } else {
            comparison = "producer fingerprint '" + producer + "' differs from this worker's '" + worker
                    + "': the job's parameters changed between the version that sent it and this one";
        }
        return new Failure(job.attempt(), at, oneLine("undecodable payload for job '" + job.name() + "': "
                + error.getMessage() + " (" + comparison + ")"), stackTrace(error));
    }

    /**
     * {@code Class: message}. A user's exception may fail in its own {@code getMessage()}; the
     * reason then says so, because an attempt whose failure cannot be described must still be
     * reported, or its job would stay in flight.
     */
    static String reason(Throwable error) {
        String message;
        try {
            message = error.getMessage();
        } catch (RuntimeException | Error broken) {
            message = "(its getMessage() threw " + broken.getClass().getName() + ")";
        }
        return oneLine(message == null || message.isBlank() ? error.getClass().getName()
                : error.getClass().getName() + ": " + message);
    }

    static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        try {
            error.printStackTrace(new PrintWriter(out));
        } catch (RuntimeException | Error broken) {
            return out + "\n(the stack trace of " + error.getClass().getName() + " could not be printed: its "
                    + broken.getClass().getName() + ")";
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " | ").strip();
        return line.length() <= MAX_REASON_LENGTH ? line : line.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
