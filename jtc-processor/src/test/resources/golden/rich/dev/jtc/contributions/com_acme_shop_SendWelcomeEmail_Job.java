package dev.jtc.contributions;

import dev.jtc.internal.JobContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes job {@code SendWelcomeEmail} ({@code com.acme.shop.SendWelcomeEmail}) to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@JobContribution(
        job = "com.acme.shop.SendWelcomeEmail",
        codec = "com.acme.shop.SendWelcomeEmailCodec",
        name = "SendWelcomeEmail",
        parameters = {"userId", "template"}
)
final class com_acme_shop_SendWelcomeEmail_Job {
    private com_acme_shop_SendWelcomeEmail_Job() {
    }
}
