package dev.jtc.runtime.redis;

import dev.jtc.runtime.testing.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code redis-server} that speaks TLS, with a throwaway certificate authority made by
 * {@code openssl} in a temporary directory: a CA, a server certificate for {@code localhost} only
 * (so that connecting to {@code 127.0.0.1} fails host-name verification), and a client
 * certificate. The server asks for client certificates ({@code tls-auth-clients yes}, Redis'
 * default). It also listens without TLS on {@link #plainPort()}, which its start-up check uses.
 */
public final class TlsRedisServer implements AutoCloseable {

    private final Path directory;
    private final int tlsPort;
    private final RedisServerProcess server;

    private TlsRedisServer(Path directory, int tlsPort, RedisServerProcess server) {
        this.directory = directory;
        this.tlsPort = tlsPort;
        this.server = server;
    }

    /** Makes the certificates and starts the server; fails with openssl's output if that cannot be done. */
    public static TlsRedisServer start() {
        Path directory;
        try {
            directory = Files.createTempDirectory("jtc-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        makeCertificates(directory);
        int tlsPort = freePort();
        RedisServerProcess server = RedisServerProcess.start(List.of(
                "--tls-port", Integer.toString(tlsPort),
                "--tls-cert-file", directory.resolve("server.crt").toString(),
                "--tls-key-file", directory.resolve("server.key").toString(),
                "--tls-ca-cert-file", directory.resolve("ca.crt").toString(),
                "--tls-auth-clients", "yes"));
        return new TlsRedisServer(directory, tlsPort, server);
    }

    /** {@code rediss://<host>:<tls port>}. */
    public String url(String host) {
        return "rediss://" + host + ":" + tlsPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int plainPort() {
        return server.port();
    }

    /** The CA certificate that signed the server's and the client's certificates (PEM). */
    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    public Path clientCertificate() {
        return directory.resolve("client.crt");
    }

    /** The client's key in unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public Path clientKey() {
        return directory.resolve("client.key");
    }

    /** The same key in OpenSSL's traditional EC form ({@code BEGIN EC PRIVATE KEY}), which jtc does not read. */
    public Path clientKeyTraditional() {
        return directory.resolve("client-traditional.key");
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }

    private static void makeCertificates(Path dir) {
        String curve = "ec_paramgen_curve:prime256v1";
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=jtc test CA");
        write(dir.resolve("server.ext"), "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
        write(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", curve, "-nodes", "-keyout", "client.key", "-out", "client.csr",
                "-subj", "/CN=jtc worker");
        openssl(dir, "x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "client.crt", "-days", "2", "-extfile", "client.ext");
        openssl(dir, "ec", "-in", "client.key", "-out", "client-traditional.key");
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl (apt-get install openssl) to make test certificates", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making test certificates", e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for the TLS listener", e);
        }
    }
}
