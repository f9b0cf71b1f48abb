package dev.jtc.contributions;

import dev.jtc.internal.ApplicationContribution;
import javax.annotation.processing.Generated;

/**
 * Records where {@code com.acme.ops.OpsApp} was compiled, so that a build of only some of its jobs can write its
 * generated classes again.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@ApplicationContribution(
        application = "com.acme.ops.OpsApp"
)
final class com_acme_ops_OpsApp_Application {
    private com_acme_ops_OpsApp_Application() {
    }
}
