package dev.jtc.runtime.redis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory for {@code rediss://} when the JVM's defaults are not enough: a server
 * whose certificate comes from a private CA (Redis' {@code tls-ca-cert-file}), or one that asks
 * for a client certificate ({@code tls-auth-clients yes}). It reads the PEM files that Redis
 * itself uses, so no {@code keytool} conversion is needed. Host names are still verified (Jedis
 * turns on HTTPS-style endpoint identification for every TLS socket).
 */
final class RedisTls {

    private static final char[] IN_MEMORY_PASSWORD = "jtc".toCharArray();
    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private RedisTls() {}

    /**
     * A socket factory trusting the options' CA file (else the JVM's trust store) and presenting
     * the options' client certificate (if any).
     *
     * @throws IllegalStateException with one line naming the file and what is wrong with it
     */
    static SSLSocketFactory socketFactory(RedisBrokerOptions options) {
        try {
            TrustManager[] trust = trustManagers(options.trustedCertificates().orElse(null));
            KeyManager[] keys = options.clientCertificate().isPresent()
                    ? keyManagers(options.clientCertificate().get(), options.clientKey().orElseThrow())
                    : null;
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for Redis: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(Path caFile) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (caFile == null) {
            factory.init((KeyStore) null); // the JVM's own CA certificates
            return factory.getTrustManagers();
        }
        List<Certificate> certificates = certificates(caFile, "CA certificate file (" + RedisBrokerOptions.ENV_CA + ")");
        KeyStore store = emptyStore();
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(Path certificateFile, Path keyFile) throws GeneralSecurityException {
        List<Certificate> chain = certificates(certificateFile,
                "client certificate file (" + RedisBrokerOptions.ENV_CLIENT_CERT + ")");
        PrivateKey key = privateKey(keyFile);
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, IN_MEMORY_PASSWORD);
        return factory.getKeyManagers();
    }

    private static List<Certificate> certificates(Path file, String what) {
        byte[] bytes = read(file, what);
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(what + " " + file + " holds no readable PEM certificate (" + e.getMessage()
                    + "); expected -----BEGIN CERTIFICATE----- blocks", e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalStateException(what + " " + file + " holds no certificate; expected -----BEGIN CERTIFICATE----- blocks");
        }
        return List.copyOf(certificates);
    }

    private static PrivateKey privateKey(Path file) {
        String what = "client key file (" + RedisBrokerOptions.ENV_CLIENT_KEY + ")";
        String pem = new String(read(file, what), StandardCharsets.US_ASCII);
        int begin = pem.indexOf(PKCS8_BEGIN);
        int end = pem.indexOf(PKCS8_END);
        if (begin < 0 || end < begin) {
            String found = pem.lines().map(String::strip).filter(line -> line.startsWith("-----BEGIN ")).findFirst()
                    .orElse("no PEM block");
            throw new IllegalStateException(what + " " + file + " is not an unencrypted PKCS#8 key (found " + found
                    + "); convert it with: openssl pkcs8 -topk8 -nocrypt -in " + file + " -out client-pkcs8.key");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + PKCS8_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " " + file + " has a damaged PEM block: " + e.getMessage(), e);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalStateException(what + " " + file + " holds a PKCS#8 key that is neither RSA, EC nor EdDSA");
    }

    private static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the " + what + " " + file + ": " + e, e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create an in-memory key store", e);
        }
        return store;
    }
}
