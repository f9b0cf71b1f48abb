package dev.jtc.sample.payments;

import dagger.Module;
import dagger.Provides;
import dev.jtc.runtime.Settings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;

/**
 * Provides the payment gateway and the shop's settlement currency, read from {@link Settings}:
 * {@code shop.payments.currency} ({@code --set shop.payments.currency=CHF}, {@code -D...} or
 * {@code SHOP_PAYMENTS_CURRENCY}), {@code EUR} when unset.
 */
@Module
public final class PaymentsModule {

    /** The settlement currency when {@code shop.payments.currency} is not set. */
    public static final Currency DEFAULT_CURRENCY = Currency.EUR;

    @Provides
    @SettlementCurrency
    static Currency settlementCurrency(Settings settings) {
        String value = settings.get("shop.payments.currency", DEFAULT_CURRENCY.name()).trim().toUpperCase(Locale.ROOT);
        for (Currency currency : Currency.values()) {
            if (currency.name().equals(value)) {
                return currency;
            }
        }
        throw new IllegalStateException("shop.payments.currency '" + value + "' is not a currency the shop takes;"
                + " use one of " + Arrays.toString(Currency.values()));
    }

    @Provides
    @Singleton
    static PaymentGateway gateway(@SettlementCurrency Currency settlementCurrency, Clock clock) {
        return new SandboxPaymentGateway(settlementCurrency, clock);
    }
}
