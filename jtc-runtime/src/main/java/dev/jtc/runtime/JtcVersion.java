package dev.jtc.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of jtc an application runs on, for {@code --version} and bug reports. It comes from
 * {@code jtc-version.properties}, which Maven writes next to these classes when it builds
 * jtc-runtime, so it is the same from the jar and from {@code target/classes}.
 */
public final class JtcVersion {

    static final String RESOURCE = "jtc-version.properties";

    private static final String VERSION = read();

    private JtcVersion() {}

    /** jtc's version, such as {@code 0.1.0}; {@code unknown} if the runtime was built without its version file. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = JtcVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            // An unfiltered copy (an IDE that copies resources itself) still says ${project.version}.
            return version.isEmpty() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + " of jtc-runtime", e);
        }
    }
}
