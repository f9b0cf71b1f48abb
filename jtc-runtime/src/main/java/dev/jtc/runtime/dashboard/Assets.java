package dev.jtc.runtime.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page's files, read once from the runtime jar at start: the HTML shell (with the application's
 * name and the request token filled in), the script, the style sheet and the icon. Reading them
 * up front makes a broken jar fail at start rather than on the first visit.
 */
final class Assets {

    /** A file served under {@code /assets/}. */
    record Asset(String contentType, byte[] bytes) {}

    private final String page;
    private final Map<String, Asset> files;

    private Assets(String page, Map<String, Asset> files) {
        this.page = page;
        this.files = files;
    }

    static Assets load(String appName, RequestToken token) {
        String page = text("index.html")
                .replace("{{app}}", Html.escape(appName))
                .replace("{{token}}", Html.escape(token.value()));
        Map<String, Asset> files = Map.of(
                "dashboard.js", new Asset("text/javascript; charset=utf-8", bytes("dashboard.js")),
                "dashboard.css", new Asset("text/css; charset=utf-8", bytes("dashboard.css")),
                "favicon.svg", new Asset("image/svg+xml", bytes("favicon.svg")));
        return new Assets(page, files);
    }

    String page() {
        return page;
    }

    /** The file named {@code name} (no directories), or null. */
    Asset file(String name) {
        return files.get(name);
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard's file dev/jtc/runtime/dashboard/" + name
                        + " is missing from the classpath (hint: the jtc-runtime jar is incomplete; rebuild it)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the dashboard's file " + name, e);
        }
    }
}
