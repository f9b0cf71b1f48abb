package com.acme.shop;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.TypedJob;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.codec.PayloadWriter;
import java.time.LocalDate;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Job {@code Nightly} ({@link Reports.Nightly}) and its payload, a JSON object keyed by parameter name: encoded
 * for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores
 * fields it does not know.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class Reports_NightlyCodec {
    /**
     * The payload's parameters in canonical form; it changes whenever they do.
     */
    public static final String SCHEMA = "day:LocalDate,recipients:Set<String>,hours:int[],logo:byte[]";

    /**
     * The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.
     */
    public static final String FINGERPRINT = "57d836fbe99cffe2";

    private static final String JOB_NAME = "Nightly";

    /**
     * Job {@code Nightly}, on queue {@code reports}.
     */
    public static final JobType TYPE = new JobType(JOB_NAME, "reports", 0, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, FINGERPRINT, SCHEMA);

    private Reports_NightlyCodec() {
    }

    /**
     * Encodes the arguments of one dispatch of {@link Reports.Nightly} as JSON.
     */
    public static String encode(LocalDate day, Set<String> recipients, int[] hours, byte[] logo) {
        PayloadWriter out = PayloadWriter.open();
        out.field("day").writeLocalDate(day);
        out.field("recipients").writeList(recipients, PayloadWriter::writeString);
        out.field("hours").writeIntArray(hours);
        out.field("logo").writeBytes(logo);
        return out.finish();
    }

    /**
     * Decodes a payload of {@link Reports.Nightly}.
     *
     * @throws PayloadException if the JSON is malformed, or a field is missing or of the wrong type; the message
     *     names the job, the field's path and the problem
     */
    public static Payload decode(String json) throws PayloadException {
        PayloadReader in = PayloadReader.open(JOB_NAME, json);
        LocalDate day = null;
        Set<String> recipients = null;
        int[] hours = null;
        byte[] logo = null;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "day" -> day = in.readLocalDate();
                case "recipients" -> recipients = in.readSet(PayloadReader::readString);
                case "hours" -> hours = in.readIntArray();
                case "logo" -> logo = in.readBytes();
                default -> in.skipValue();
            }
        }
        in.endObject("day", "recipients", "hours", "logo");
        return new Payload(day, recipients, hours, logo);
    }

    /**
     * Runs one attempt of {@link Reports.Nightly}: decodes {@code payload} and calls {@code handle} on {@code job}.
     */
    public static void run(Reports.Nightly job, String payload, JobContext context) throws
            Exception {
        Payload p = decode(payload);
        job.handle(p.day(), p.recipients(), p.hours(), p.logo());
    }

    /**
     * This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.
     */
    public static TypedJob<Payload> job() {
        return new TypedJob<>(TYPE, Reports_NightlyCodec::decode);
    }

    /**
     * The decoded arguments of one run of {@link Reports.Nightly}, named as its {@code handle} parameters.
     */
    public record Payload(LocalDate day, Set<String> recipients, int[] hours, byte[] logo) {
    }
}
