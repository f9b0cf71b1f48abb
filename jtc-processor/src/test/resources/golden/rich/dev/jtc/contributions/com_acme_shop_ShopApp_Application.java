package dev.jtc.contributions;

import dev.jtc.internal.ApplicationContribution;
import javax.annotation.processing.Generated;

/**
 * Records where {@code com.acme.shop.ShopApp} was compiled, so that a build of only some of its jobs can write its
 * generated classes again.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@ApplicationContribution(
        application = "com.acme.shop.ShopApp"
)
final class com_acme_shop_ShopApp_Application {
    private com_acme_shop_ShopApp_Application() {
    }
}
