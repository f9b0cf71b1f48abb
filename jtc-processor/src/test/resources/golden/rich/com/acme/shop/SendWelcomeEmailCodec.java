package com.acme.shop;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * Job {@code SendWelcomeEmail} ({@link SendWelcomeEmail}) and its payload, a JSON object keyed by parameter name: encoded
 * for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores
 * fields it does not know.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class SendWelcomeEmailCodec {
    /**
     * The payload's parameters in canonical form; it changes whenever they do.
     */
    public static final String SCHEMA = "userId:long,template:String";

    /**
     * The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.
     */
    public static final String FINGERPRINT = "b56d2fc40f6c2e67";

    private static final String JOB_NAME = "SendWelcomeEmail";

    /**
     * Job {@code SendWelcomeEmail}, on queue {@code mail}.
     */
    public static final JobType TYPE = new JobType(JOB_NAME, "mail", 5, Duration.ofSeconds(30), JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, FINGERPRINT, SCHEMA);

    private SendWelcomeEmailCodec() {
    }

    /**
     * Encodes the arguments of one dispatch of {@link SendWelcomeEmail} as JSON.
     */
    public static String encode(long userId, String template) {
        PayloadWriter out = PayloadWriter.open();
        out.field("userId").writeLong(userId);
        out.field("template").writeString(template);
        return out.finish();
    }

    /**
     * Decodes a payload of {@link SendWelcomeEmail}.
     *
     * @throws PayloadException if the JSON is malformed, or a field is missing or of the wrong type; the message
     *     names the job, the field's path and the problem
     */
    public static Payload decode(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(JOB_NAME, json);
        long userId = 0L;
        String template = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "userId" -> userId = in.readLong();
                case "template" -> template = in.readString();
                default -> in.skipValue();
            }
        }
        in.endObject("userId", "template");
        return new Payload(userId, template);
    }

    /**
     * Runs one attempt of {@link SendWelcomeEmail}: decodes {@code payload} and calls {@code handle} on {@code job}.
     */
    public static void run(SendWelcomeEmail job, String payload, JobContext context) throws
            Exception {
        Payload p = decode(payload);
        job.handle(p.userId(), p.template());
    }

    /**
     * This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.
     */
    public static TypedJob<Payload> job() {
        return new TypedJob<>(TYPE, SendWelcomeEmailCodec::decode);
    }

    /**
     * The decoded arguments of one run of {@link SendWelcomeEmail}, named as its {@code handle} parameters.
     */
    public record Payload(long userId, String template) {
    }
}
