package com.acme.fleet;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * Job {@code RebuildIndex} ({@link RebuildIndex}) and its payload, a JSON object keyed by parameter name: encoded
 * for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores
 * fields it does not know.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class RebuildIndexCodec {
    /**
     * The payload's parameters in canonical form; it changes whenever they do.
     */
    public static final String SCHEMA = "";

    /**
     * The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.
     */
    public static final String FINGERPRINT = "e3b0c44298fc1c14";

    private static final String JOB_NAME = "RebuildIndex";

    /**
     * Job {@code RebuildIndex}, on queue {@code maintenance}.
     */
    public static final JobType TYPE = new JobType(JOB_NAME, "maintenance", 3, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, FINGERPRINT, SCHEMA, JobLimits.NONE.withRate(5, Duration.ofSeconds(30)).withoutOverlapping(""));

    private RebuildIndexCodec() {
    }

    /**
     * Encodes the arguments of one dispatch of {@link RebuildIndex} as JSON.
     */
    public static String encode() {
        PayloadWriter out = PayloadWriter.open();
        return out.finish();
    }

    /**
     * Decodes a payload of {@link RebuildIndex}.
     *
     * @throws PayloadException if the JSON is malformed, or a field is missing or of the wrong type; the message
     *     names the job, the field's path and the problem
     */
    public static Payload decode(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(JOB_NAME, json);
        while (in.nextField()) {
            in.skipValue();
        }
        in.endObject();
        return new Payload();
    }

    /**
     * Runs one attempt of {@link RebuildIndex}: decodes {@code payload} and calls {@code handle} on {@code job}.
     */
    public static void run(RebuildIndex job, String payload, JobContext context) throws Exception {
        decode(payload);
        job.handle();
    }

    /**
     * This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.
     */
    public static TypedJob<Payload> job() {
        return new TypedJob<>(TYPE, RebuildIndexCodec::decode);
    }

    /**
     * The decoded arguments of one run of {@link RebuildIndex}, named as its {@code handle} parameters.
     */
    public record Payload() {
    }
}
