package com.acme.shop;

import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import javax.annotation.processing.Generated;

/**
 * Encodes and decodes the payload of job {@code SendWelcomeEmail} ({@link SendWelcomeEmail}): a JSON object keyed by
 * parameter name. Decoding goes by field name and ignores fields it does not know.
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
     * The decoded arguments of one run of {@link SendWelcomeEmail}, named as its {@code handle} parameters.
     */
    public record Payload(long userId, String template) {
    }
}
