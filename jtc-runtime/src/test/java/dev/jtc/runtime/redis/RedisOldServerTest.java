package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.BrokerException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The version check at connect, end to end: a fake server that speaks just enough of the Redis
 * protocol to answer as Redis 6.0 would. {@link RedisBroker#connect} refuses it with one line
 * naming the version found and the version needed, before it loads a single script.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RedisOldServerTest {

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private ServerSocket listener;
    private Thread acceptor;
    private volatile String version;

    @BeforeEach
    void startFakeServer() throws IOException {
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "fake-redis");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stopFakeServer() throws Exception {
        listener.close();
        acceptor.join(5_000);
    }

    @Test
    void redis60IsRefusedAtConnectWithTheVersionAndWhatIsNeeded() {
        version = "6.0.9";

        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect("redis://127.0.0.1:" + listener.getLocalPort(), "jtc", Clock.systemUTC()));

        assertEquals("Redis at redis://127.0.0.1:" + listener.getLocalPort() + " is version 6.0.9; jtc needs Redis 6.2.0 or newer"
                + " (LPOP with a count, ZADD GT): upgrade the server", e.getMessage());
        assertTrue(commands.contains("INFO"), commands.toString());
        assertTrue(commands.stream().noneMatch(c -> c.startsWith("SCRIPT")), "no script was loaded: " + commands);
    }

    @Test
    void aServerThatReportsNoVersionIsRefusedToo() {
        version = null;

        BrokerException e = assertThrows(BrokerException.class,
                () -> RedisBroker.connect("redis://127.0.0.1:" + listener.getLocalPort(), "jtc", Clock.systemUTC()));

        assertTrue(e.getMessage().contains("did not report a readable redis_version"), e.getMessage());
    }

    /** Answers CLIENT and PING like Redis, INFO with {@link #version}, and anything else with an error. */
    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                List<String> command;
                while ((command = readCommand(in)) != null) {
                    String name = command.get(0).toUpperCase(Locale.ROOT);
                    commands.add(name);
                    String reply = switch (name) {
                        case "PING" -> "+PONG\r\n";
                        case "CLIENT" -> "+OK\r\n";
                        case "INFO" -> bulk("# Server\r\n" + (version == null ? "" : "redis_version:" + version + "\r\n")
                                + "redis_mode:standalone\r\n");
                        default -> "-ERR unknown command '" + command.get(0) + "'\r\n";
                    };
                    out.write(reply.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException e) {
                // the client hung up, or the test closed the listener
            }
        }
    }

    private static String bulk(String text) {
        return "$" + text.getBytes(StandardCharsets.UTF_8).length + "\r\n" + text + "\r\n";
    }

    /** One RESP array of bulk strings; null at the end of the stream. */
    private static List<String> readCommand(InputStream in) throws IOException {
        String header = readLine(in);
        if (header == null) {
            return null;
        }
        int count = Integer.parseInt(header.substring(1));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = Integer.parseInt(readLine(in).substring(1));
            byte[] data = in.readNBytes(length + 2);
            parts.add(new String(data, 0, length, StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return line.toString().strip();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
