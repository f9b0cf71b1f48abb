package dev.jtc.runtime.worker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Who a worker process is, for its heartbeat and the dashboard: host name, process id, and an id
 * unique per worker ({@code host-pid-xxxx}) made only of characters that are safe in Redis keys.
 */
final class WorkerIdentity {

    private static final String HOST = lookUpHost();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private WorkerIdentity() {}

    static String host() {
        return HOST;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** A new worker id: the host name's safe characters, the pid, and six random characters. */
    static String newId() {
        String safeHost = HOST.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        if (safeHost.length() > 100) {
            safeHost = safeHost.substring(0, 100); // a worker id is a name (at most Names.MAX_LENGTH characters)
        }
        StringBuilder id = new StringBuilder(safeHost).append('-').append(pid()).append('-');
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    private static String lookUpHost() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
