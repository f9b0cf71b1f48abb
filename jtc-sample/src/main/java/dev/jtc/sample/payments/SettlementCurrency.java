package dev.jtc.sample.payments;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * Marks the {@link Currency} the shop settles in, as opposed to any currency a customer pays in.
 * {@link PaymentsModule} binds it from the {@code shop.payments.currency} setting.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface SettlementCurrency {}
