package dev.jtc.runtime.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where Redis is and how to log in, read from a {@code redis://} or {@code rediss://} (TLS) URL:
 * {@code redis://[user[:password]@]host[:port][/database]}. A URL with only a password may write
 * it as {@code redis://:password@host}. Parsing is separate from connecting so that every error
 * message can name the URL without its password ({@link #redacted()}).
 *
 * @param tls whether the scheme is {@code rediss}
 * @param host the host name or address
 * @param port the port, 6379 unless given
 * @param user the ACL user; null for the default user
 * @param password the password; null for none
 * @param database the database number, 0 unless given
 */
record RedisUrl(boolean tls, String host, int port, String user, String password, int database) {

    static final int DEFAULT_PORT = 6379;

    /** Reads {@code url}; throws {@link IllegalArgumentException} naming what is wrong. */
    static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no Redis URL given; expected redis://[user:password@]host[:port][/db]");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redactedText(url) + "' is not a valid Redis URL (" + e.getReason()
                    + "); expected redis://[user:password@]host[:port][/db]");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("'" + redactedText(url) + "' is not a Redis URL: it must start with"
                    + " redis:// (or rediss:// for TLS)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("'" + redactedText(url) + "' names no host; expected e.g. redis://localhost:6379");
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                // redis://secret@host is the common short form for a password without a user.
                password = decode(userInfo);
            } else {
                user = colon == 0 ? null : decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
        }
        int database = 0;
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + redactedText(url) + "': the path must be a database number"
                        + " such as /0, not '" + path + "'");
            }
        }
        return new RedisUrl(scheme.equals("rediss"), host, port, user, password, database);
    }

    /** The URL without its password, for messages and logs. */
    String redacted() {
        StringBuilder out = new StringBuilder(tls ? "rediss://" : "redis://");
        if (user != null) {
            out.append(user);
            if (password != null) {
                out.append(":***");
            }
            out.append('@');
        } else if (password != null) {
            out.append(":***@");
        }
        out.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (database != 0) {
            out.append('/').append(database);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return redacted();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Best effort for a URL that did not parse: drop everything between "//" and "@". */
    private static String redactedText(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }
}
