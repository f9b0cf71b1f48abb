package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtc.runtime.JobLimits;
import dev.jtc.sample.inventory.RestockProductCodec;
import dev.jtc.sample.payments.ChargePaymentCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The limits the shop declares reach the job types the worker holds them to: the generated codecs
 * of its own job and of the inventory library's (the worker's side is tested in jtc-runtime, on
 * both brokers and across worker processes).
 */
class ShopLimitsTest {

    @Test
    void chargesKeepTheGatewaysRateAndNeverOverlapForOneOrder() {
        assertEquals(JobLimits.NONE.withRate(20, Duration.ofSeconds(1)).withoutOverlapping("orderId"), ChargePaymentCodec.TYPE.limits());
        assertEquals("rate 20/1s, one at a time per orderId", ChargePaymentCodec.TYPE.limits().describe());
    }

    @Test
    void deliveriesOfOneProductAreBookedOneAtATime() {
        assertEquals(JobLimits.NONE.withoutOverlapping("sku"), RestockProductCodec.TYPE.limits());
    }
}
