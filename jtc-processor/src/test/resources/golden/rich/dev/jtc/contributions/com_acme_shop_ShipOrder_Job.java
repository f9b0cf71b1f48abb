package dev.jtc.contributions;

import dev.jtc.internal.JobContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes job {@code ship-order} ({@code com.acme.shop.ShipOrder}) to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@JobContribution(
        job = "com.acme.shop.ShipOrder",
        codec = "com.acme.shop.ShipOrderCodec",
        name = "ship-order",
        parameters = {"orderId", "items", "address", "notBefore", "stock", "priority", "total"}
)
final class com_acme_shop_ShipOrder_Job {
    private com_acme_shop_ShipOrder_Job() {
    }
}
