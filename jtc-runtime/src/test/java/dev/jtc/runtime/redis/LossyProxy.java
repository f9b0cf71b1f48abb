package dev.jtc.runtime.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of a redis-server that can lose one reply: after {@link #loseNextReply()}
 * the next bytes the server sends back on any connection are thrown away and that connection is
 * closed, so the client sees its connection break although the server ran the command. That is
 * the moment a retried call must not lie about.
 */
final class LossyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int redisPort;
    private final AtomicBoolean loseNext = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile int repliesLost;

    LossyProxy(int redisPort) {
        this.redisPort = redisPort;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "lossy-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    String url() {
        return "redis://127.0.0.1:" + listener.getLocalPort();
    }

    /** The next reply from the server, on whichever connection it comes, is lost and its connection cut. */
    void loseNextReply() {
        loseNext.set(true);
    }

    int repliesLost() {
        return repliesLost;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket("127.0.0.1", redisPort);
                sockets.add(client);
                sockets.add(server);
                pipe(client, server, false);
                pipe(server, client, true);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean replies) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (replies && loseNext.compareAndSet(true, false)) {
                        repliesLost++;
                        from.close();
                        to.close();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: the other is closed with it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "lossy-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(LossyProxy::closeQuietly);
    }
}
