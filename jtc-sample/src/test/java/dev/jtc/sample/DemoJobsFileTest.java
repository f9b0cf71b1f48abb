package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtc.runtime.PayloadException;
import dev.jtc.sample.inventory.ReserveStockCodec;
import dev.jtc.sample.inventory.RestockProductCodec;
import dev.jtc.sample.inventory.RestockReason;
import dev.jtc.sample.inventory.StockLine;
import dev.jtc.sample.invoices.GenerateInvoiceCodec;
import dev.jtc.sample.orders.SendOrderConfirmationCodec;
import dev.jtc.sample.payments.ChargePaymentCodec;
import dev.jtc.sample.payments.Currency;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every line of {@code jtc-demo.jobs} decodes with the generated codec of the job it names (the
 * shop's own, and the inventory library's, generated in that module's build), and the
 * generated codecs round-trip the sample's payloads, so a typo in the demo file or a payload the
 * codec cannot carry fails here, not in front of someone running {@code bin/run-sample}.
 */
class DemoJobsFileTest {

    @Test
    void everyDemoJobDecodesWithItsJobsCodec() throws Exception {
        List<String[]> jobs = demoJobs();
        assertEquals(List.of("SendOrderConfirmation", "charge-payment", "charge-payment", "GenerateInvoice",
                        "ReserveStock", "RestockProduct"),
                jobs.stream().map(job -> job[0]).toList());
        for (String[] job : jobs) {
            try {
                switch (job[0]) {
                    case "SendOrderConfirmation" -> {
                        SendOrderConfirmationCodec.Payload payload = SendOrderConfirmationCodec.decode(job[1]);
                        assertEquals(1001L, payload.order().number());
                        assertEquals(new BigDecimal("52.90"), payload.order().total());
                        assertEquals(Instant.parse("2026-03-02T09:15:00Z"), payload.order().placedAt());
                    }
                    case "charge-payment" -> {
                        ChargePaymentCodec.Payload payload = ChargePaymentCodec.decode(job[1]);
                        assertEquals(payload.orderId() == 1001L ? Currency.EUR : Currency.USD, payload.currency());
                    }
                    case "GenerateInvoice" -> assertEquals(Optional.of("DE123456789"), GenerateInvoiceCodec.decode(job[1]).vatId());
                    case "ReserveStock" -> assertEquals(List.of(new StockLine("GRINDER-HAND", 20), new StockLine("FILTER-100", 10)),
                            ReserveStockCodec.decode(job[1]).lines());
                    case "RestockProduct" -> assertEquals(RestockReason.MANUAL, RestockProductCodec.decode(job[1]).reason());
                    default -> fail("jtc-demo.jobs names a job the sample does not have: " + job[0]);
                }
            } catch (PayloadException e) {
                fail("jtc-demo.jobs: " + job[0] + " does not decode: " + e.getMessage());
            }
        }
    }

    @Test
    void anOrderSurvivesTheTripThroughItsCodec() throws Exception {
        String json = SendOrderConfirmationCodec.encode(ShopJobsTest.ADAS_ORDER);

        assertEquals(ShopJobsTest.ADAS_ORDER, SendOrderConfirmationCodec.decode(json).order());
        assertTrue(json.contains("\"unitPrice\":\"24.50\""), json);
        assertTrue(json.contains("\"placedAt\":\"2026-03-02T09:15:00Z\""), json);
    }

    @Test
    void aMalformedPayloadNamesTheJobAndTheField() {
        PayloadException error = assertThrows(PayloadException.class,
                () -> SendOrderConfirmationCodec.decode("{\"order\":{\"number\":\"one\"}}"));
        assertTrue(error.getMessage().contains("SendOrderConfirmation"), error.getMessage());
        assertTrue(error.getMessage().contains("order.number"), error.getMessage());
    }

    /** The demo file's jobs as {name, payload}, read the way the demo command reads it. */
    private static List<String[]> demoJobs() throws IOException {
        List<String[]> jobs = new ArrayList<>();
        try (InputStream in = DemoJobsFileTest.class.getClassLoader().getResourceAsStream("jtc-demo.jobs")) {
            if (in == null) {
                fail("jtc-demo.jobs is not on the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    jobs.add(trimmed.split("\\s+", 2));
                }
            }
        }
        return jobs;
    }
}
