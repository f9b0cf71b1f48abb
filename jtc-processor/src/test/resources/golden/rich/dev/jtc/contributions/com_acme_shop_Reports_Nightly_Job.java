package dev.jtc.contributions;

import dev.jtc.internal.JobContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes job {@code Nightly} ({@code com.acme.shop.Reports.Nightly}) to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@JobContribution(
        job = "com.acme.shop.Reports.Nightly",
        codec = "com.acme.shop.Reports_NightlyCodec",
        name = "Nightly",
        parameters = {"day", "recipients", "hours", "logo"}
)
final class com_acme_shop_Reports_Nightly_Job {
    private com_acme_shop_Reports_Nightly_Job() {
    }
}
