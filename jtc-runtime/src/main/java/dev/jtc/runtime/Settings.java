package dev.jtc.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration handed to the application, bound in the generated Dagger component so that
 * modules can read it. A key such as {@code shop.mail.sender} is looked up, first match wins, in
 * the values given on the command line ({@code --set shop.mail.sender=...}), the system property
 * of the same name, and the environment variable {@code SHOP_MAIL_SENDER}.
 */
public final class Settings {

    private final Map<String, String> explicit;
    private final Map<String, String> environment;
    private final boolean readSystemProperties;

    private Settings(Map<String, String> explicit, Map<String, String> environment, boolean readSystemProperties) {
        this.explicit = Map.copyOf(explicit);
        this.environment = Map.copyOf(environment);
        this.readSystemProperties = readSystemProperties;
    }

    /** Settings from the given values, system properties and the process environment. */
    public static Settings fromEnvironment(Map<String, String> explicit) {
        return new Settings(explicit, System.getenv(), true);
    }

    /** Settings from the given values only; for tests and embedding. */
    public static Settings of(Map<String, String> values) {
        return new Settings(values, Map.of(), false);
    }

    /** Settings with no values. */
    public static Settings empty() {
        return of(Map.of());
    }

    public Optional<String> get(String key) {
        String value = explicit.get(key);
        if (value == null && readSystemProperties) {
            value = System.getProperty(key);
        }
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        return Optional.ofNullable(value);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** The value of {@code key}, or an exception that says how to set it. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(
                "missing setting '" + key + "': pass --set " + key + "=..., -D" + key + "=... or set " + environmentName(key)));
    }

    /** A copy with {@code key} set explicitly. */
    public Settings with(String key, String value) {
        Map<String, String> copy = new HashMap<>(explicit);
        copy.put(key, value);
        return new Settings(copy, environment, readSystemProperties);
    }

    /** {@code shop.mail.sender} becomes {@code SHOP_MAIL_SENDER}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
