package dev.jtc.runtime.dashboard;

import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guards a loopback-bound dashboard against DNS rebinding: a web page whose host name the attacker
 * re-points at 127.0.0.1 reaches the server with its own name in the {@code Host} header, so only
 * loopback names are accepted there. A dashboard bound to another address was exposed on purpose
 * and accepts any host name (it cannot know the names it is reached by).
 */
final class HostCheck {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final boolean loopbackOnly;

    private HostCheck(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    static HostCheck forBindAddress(InetAddress bound) {
        return new HostCheck(bound.isLoopbackAddress());
    }

    /** Whether a request with this {@code Host} header (null when absent) may be served. */
    boolean allows(String hostHeader) {
        if (!loopbackOnly || hostHeader == null) {
            return true;
        }
        String name = hostName(hostHeader.trim()).toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || IPV4_LOOPBACK.matcher(name).matches();
    }

    /** The name without its port: {@code localhost:8080} → {@code localhost}, {@code [::1]:8080} → {@code ::1}. */
    private static String hostName(String header) {
        if (header.startsWith("[")) {
            int end = header.indexOf(']');
            return end < 0 ? header : header.substring(1, end);
        }
        int colon = header.indexOf(':');
        return colon < 0 ? header : header.substring(0, colon);
    }
}
