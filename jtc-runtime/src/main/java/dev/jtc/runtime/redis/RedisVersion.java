package dev.jtc.runtime.redis;

import java.util.Optional;

/**
 * The Redis version a server reports in {@code INFO server}, and the check that it is new enough.
 * jtc needs Redis 6.2 for {@code LPOP key count} (several jobs per fetch) and {@code ZADD GT}.
 * The parser takes the reply text, so a test can feed it an old server's reply.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
record RedisVersion(int major, int minor, int patch) implements Comparable<RedisVersion> {

    static final RedisVersion MINIMUM = new RedisVersion(6, 2, 0);

    /** The {@code redis_version} field of an {@code INFO} reply; empty if it is missing or unreadable. */
    static Optional<RedisVersion> fromInfo(String info) {
        if (info == null) {
            return Optional.empty();
        }
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("redis_version:")) {
                return parse(line.substring("redis_version:".length()).trim());
            }
        }
        return Optional.empty();
    }

    /** Reads {@code 7.0.15}, {@code 6.2}, {@code 7.4.1-rc1}; empty for anything else. */
    static Optional<RedisVersion> parse(String text) {
        String[] parts = text.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int patch = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            return Optional.of(new RedisVersion(major, minor, patch));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks an {@code INFO server} reply from the server at {@code where}; returns the version or
     * throws {@link IllegalStateException} with a one-line message and hint.
     */
    static RedisVersion require(String info, String where) {
        RedisVersion version = fromInfo(info).orElseThrow(() -> new IllegalStateException(
                "Redis at " + where + " did not report a readable redis_version in INFO server;"
                        + " jtc needs Redis " + MINIMUM + " or newer"));
        if (version.compareTo(MINIMUM) < 0) {
            throw new IllegalStateException("Redis at " + where + " is version " + version + "; jtc needs Redis "
                    + MINIMUM + " or newer (LPOP with a count, ZADD GT): upgrade the server");
        }
        return version;
    }

    @Override
    public int compareTo(RedisVersion other) {
        if (major != other.major) {
            return Integer.compare(major, other.major);
        }
        if (minor != other.minor) {
            return Integer.compare(minor, other.minor);
        }
        return Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
