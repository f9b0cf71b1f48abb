package dev.jtc.runtime.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that proves a change request comes from the dashboard's own page. It is made fresh
 * for every process and embedded in the page; the page's script sends it back in
 * {@value #HEADER}. Another site can neither read the page (same-origin policy) nor send a custom
 * header cross-origin without a CORS preflight, which this server never grants.
 */
final class RequestToken {

    static final String HEADER = "X-Jtc-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private RequestToken(String value) {
        this.value = value;
    }

    static RequestToken random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new RequestToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    String value() {
        return value;
    }

    /** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }
}
