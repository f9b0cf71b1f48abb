package com.acme.fleet;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import javax.annotation.processing.Generated;

/**
 * Job {@code ship-order} ({@link ShipOrder}) and its payload, a JSON object keyed by parameter name: encoded
 * for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores
 * fields it does not know.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ShipOrderCodec {
    /**
     * The payload's parameters in canonical form; it changes whenever they do.
     */
    public static final String SCHEMA = "orderId:long";

    /**
     * The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.
     */
    public static final String FINGERPRINT = "b67d74acc4d953cc";

    private static final String JOB_NAME = "ship-order";

    /**
     * Job {@code ship-order}, on queue {@code default}.
     */
    public static final JobType TYPE = new JobType(JOB_NAME, "default", 3, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, FINGERPRINT, SCHEMA);

    private ShipOrderCodec() {
    }

    /**
     * Encodes the arguments of one dispatch of {@link ShipOrder} as JSON.
     */
    public static String encode(long orderId) {
        PayloadWriter out = PayloadWriter.open();
        out.field("orderId").writeLong(orderId);
        return out.finish();
    }

    /**
     * Decodes a payload of {@link ShipOrder}.
     *
     * @throws PayloadException if the JSON is malformed, or a field is missing or of the wrong type; the message
     *     names the job, the field's path and the problem
     */
    public static Payload decode(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(JOB_NAME, json);
        long orderId = 0L;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "orderId" -> orderId = in.readLong();
                default -> in.skipValue();
            }
        }
        in.endObject("orderId");
        return new Payload(orderId);
    }

    /**
     * Runs one attempt of {@link ShipOrder}: decodes {@code payload} and calls {@code handle} on {@code job}.
     */
    public static void run(ShipOrder job, String payload, JobContext context) throws Exception {
        Payload p = decode(payload);
        job.handle(p.orderId(), context);
    }

    /**
     * This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.
     */
    public static TypedJob<Payload> job() {
        return new TypedJob<>(TYPE, ShipOrderCodec::decode);
    }

    /**
     * The decoded arguments of one run of {@link ShipOrder}, named as its {@code handle} parameters.
     */
    public record Payload(long orderId) {
    }
}
