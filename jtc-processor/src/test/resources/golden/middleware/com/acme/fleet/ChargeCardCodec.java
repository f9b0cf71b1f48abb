package com.acme.fleet;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.math.BigDecimal;
import java.time.Duration;
import javax.annotation.processing.Generated;

/**
 * Job {@code ChargeCard} ({@link ChargeCard}) and its payload, a JSON object keyed by parameter name: encoded
 * for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores
 * fields it does not know.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ChargeCardCodec {
    /**
     * The payload's parameters in canonical form; it changes whenever they do.
     */
    public static final String SCHEMA = "customerId:String,orderId:long,amount:BigDecimal";

    /**
     * The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.
     */
    public static final String FINGERPRINT = "bfcab7ac3927ef04";

    private static final String JOB_NAME = "ChargeCard";

    /**
     * Job {@code ChargeCard}, on queue {@code default}.
     */
    public static final JobType TYPE = new JobType(JOB_NAME, "default", 3, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, FINGERPRINT, SCHEMA, JobLimits.NONE.withMaxConcurrency(5).withRate(100, Duration.ofMinutes(1)).withLimitKey("customerId").withoutOverlapping("orderId"));

    private ChargeCardCodec() {
    }

    /**
     * Encodes the arguments of one dispatch of {@link ChargeCard} as JSON.
     */
    public static String encode(String customerId, long orderId, BigDecimal amount) {
        PayloadWriter out = PayloadWriter.open();
        out.field("customerId").writeString(customerId);
        out.field("orderId").writeLong(orderId);
        out.field("amount").writeBigDecimal(amount);
        return out.finish();
    }

    /**
     * Decodes a payload of {@link ChargeCard}.
     *
     * @throws PayloadException if the JSON is malformed, or a field is missing or of the wrong type; the message
     *     names the job, the field's path and the problem
     */
    public static Payload decode(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(JOB_NAME, json);
        String customerId = null;
        long orderId = 0L;
        BigDecimal amount = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "customerId" -> customerId = in.readString();
                case "orderId" -> orderId = in.readLong();
                case "amount" -> amount = in.readBigDecimal();
                default -> in.skipValue();
            }
        }
        in.endObject("customerId", "orderId", "amount");
        return new Payload(customerId, orderId, amount);
    }

    /**
     * Runs one attempt of {@link ChargeCard}: decodes {@code payload} and calls {@code handle} on {@code job}.
     */
    public static void run(ChargeCard job, String payload, JobContext context) throws Exception {
        Payload p = decode(payload);
        job.handle(p.customerId(), p.orderId(), p.amount());
    }

    /**
     * This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.
     */
    public static TypedJob<Payload> job() {
        return new TypedJob<>(TYPE, ChargeCardCodec::decode);
    }

    /**
     * The decoded arguments of one run of {@link ChargeCard}, named as its {@code handle} parameters.
     */
    public record Payload(String customerId, long orderId, BigDecimal amount) {
    }
}
