package dev.jtc.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private {@code redis-server} for one test class, on a free port, with its own data directory,
 * so tests never touch a shared Redis (and may flush, stop, kill or pause theirs). By default it
 * keeps nothing on disk ({@code --save '' --appendonly no}); pass {@code "--appendonly", "yes"} for a
 * test that restarts the server and expects its data back.
 *
 * <pre>{@code
 * static RedisServerProcess redis;
 * @BeforeAll static void startRedis() { redis = RedisServerProcess.start(); }
 * @AfterAll static void stopRedis() { redis.close(); }
 * ... RedisBroker.connect(redis.url(), "test", clock) ...
 * }</pre>
 *
 * <p>The binary is {@code redis-server} from the environment variable {@code JTC_REDIS_SERVER},
 * else {@code /usr/bin/redis-server} if it exists, else from the {@code PATH}. Failure simulation:
 * {@link #stop()} (SIGTERM, a clean shutdown), {@link #kill()} (SIGKILL), {@link #pause()} and
 * {@link #resume()} (SIGSTOP/SIGCONT: a server that hangs), {@link #restart()} on the same port.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final String binary;
    private final List<String> extraArgs;
    private final Path directory;
    private final int port;
    private Process process;

    private RedisServerProcess(String binary, List<String> extraArgs, Path directory, int port) {
        this.binary = binary;
        this.extraArgs = List.copyOf(extraArgs);
        this.directory = directory;
        this.port = port;
    }

    /** Starts a server with no persistence on a free port and waits until it answers. */
    public static RedisServerProcess start() {
        return start(List.of());
    }

    /**
     * Starts a server with extra command-line options (each option and value a separate element,
     * e.g. {@code List.of("--requirepass", "secret")}); later options override the defaults.
     */
    public static RedisServerProcess start(List<String> extraArgs) {
        Objects.requireNonNull(extraArgs, "extraArgs");
        String binary = findBinary();
        Path directory;
        try {
            directory = Files.createTempDirectory("jtc-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for redis-server", e);
        }
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            RedisServerProcess server = new RedisServerProcess(binary, extraArgs, directory, freePort());
            try {
                server.launch();
                return server;
            } catch (IllegalStateException e) {
                // Someone took the port between choosing and binding it: choose again.
                last = e;
                server.destroyProcess();
            }
        }
        deleteDirectory(directory);
        throw last;
    }

    /** The port the server listens on (127.0.0.1). */
    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The server's data directory (its log is {@code redis.log} there). */
    public Path directory() {
        return directory;
    }

    /** Whether the server process is alive (a paused one is). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server's process id. */
    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        return process.pid();
    }

    /** Shuts the server down cleanly (SIGTERM; with AOF on, it syncs first) and waits until it exited. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        resumeQuietly();
        process.destroy();
        awaitExit(Duration.ofSeconds(20));
    }

    /** Kills the server at once (SIGKILL), as a crash or an OOM kill would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing answers until {@link #resume()}. */
    public synchronized void pause() {
        signal("STOP");
    }

    /** Lets a paused server carry on (SIGCONT). */
    public synchronized void resume() {
        signal("CONT");
    }

    /** Stops the server if it runs, then starts it again on the same port with the same data directory. */
    public synchronized void restart() {
        stop();
        launch();
    }

    /** Starts the server again after {@link #stop()} or {@link #kill()}, on the same port. */
    public synchronized void startAgain() {
        if (isRunning()) {
            throw new IllegalStateException("redis-server on port " + port + " is already running");
        }
        launch();
    }

    /** Kills the server and deletes its data directory. */
    @Override
    public synchronized void close() {
        destroyProcess();
        deleteDirectory(directory);
    }

    @Override
    public String toString() {
        return "RedisServerProcess[port " + port + (isRunning() ? ", running" : ", stopped") + "]";
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>(List.of(binary,
                "--port", Integer.toString(port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.toString(),
                "--daemonize", "no",
                "--logfile", "redis.log"));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary + " (is Redis installed? apt-get install redis-server,"
                    + " or set JTC_REDIS_SERVER)", e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited at start with code "
                        + process.exitValue() + ": " + lastLogLines());
            }
            if (answersPing()) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
        destroyProcess();
        throw new IllegalStateException("redis-server on port " + port + " did not answer PING within " + START_TIMEOUT
                + ": " + lastLogLines());
    }

    /** True once the server replies to PING, even with an error such as NOAUTH. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            return first == '+' || first == '-';
        } catch (IOException e) {
            return false;
        }
    }

    private void signal(String name) {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send SIG" + name + " to redis-server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + name + " to redis-server", e);
        }
    }

    private void resumeQuietly() {
        if (process != null && process.isAlive()) {
            signal("CONT");
        }
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    private synchronized void destroyProcess() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    private String lastLogLines() {
        Path log = directory.resolve("redis.log");
        Path out = directory.resolve("redis.out");
        StringBuilder text = new StringBuilder();
        for (Path file : List.of(log, out)) {
            try {
                if (Files.exists(file)) {
                    List<String> lines = Files.readAllLines(file);
                    lines.subList(Math.max(0, lines.size() - 5), lines.size()).forEach(l -> text.append(l).append(" | "));
                }
            } catch (IOException e) {
                text.append("(cannot read ").append(file).append(") ");
            }
        }
        return text.length() == 0 ? "no output" : text.toString();
    }

    private static String findBinary() {
        String configured = System.getenv("JTC_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            return "/usr/bin/redis-server";
        }
        return "redis-server";
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port for redis-server", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    private static void deleteDirectory(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // A leftover file in the temp directory is harmless; keep closing.
                }
            });
        } catch (IOException e) {
            // As above: nothing to do about a temp directory we cannot walk.
        }
    }
}
