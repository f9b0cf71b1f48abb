package dev.jtc.runtime.dashboard;

import com.sun.net.httpserver.HttpExchange;
import dev.jtc.schedule.Names;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Serves the page and its files under {@code /assets/}. Every view of the page has its own path, and
 * each is answered with the same page, whose script shows the view the path names, so a view can
 * be bookmarked and reloaded:
 *
 * <pre>
 * /                    overview: totals, the throughput chart (?history=day for 30 days), queues, job types
 * /queues/{queue}      one queue's jobs (?state=ready|scheduled|active&amp;page=2)
 * /completed           recently completed jobs (?page=2)
 * /failed              the failed set (?page=2)
 * /scheduled           the scheduled tasks, with "Run now"
 * /workers             the live workers
 * /jobs/{id}           one job (the id percent-encoded)
 * </pre>
 *
 * <p>Any other path is a 404: under {@code /assets/} a JSON error, elsewhere the page too, which
 * then says that there is no such page and links home.
 */
final class PageRoute implements Route {

    private static final String ASSETS = "/assets/";
    private static final Set<String> TOP_LEVEL_VIEWS = Set.of("/", "/index.html", "/completed", "/failed", "/scheduled", "/workers");

    private final Assets assets;

    PageRoute(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.methodNotAllowed(method, "GET");
        }
        if (isView(rawPath)) {
            return Response.html(assets.page());
        }
        if (rawPath.startsWith(ASSETS)) {
            Assets.Asset file = assets.file(rawPath.substring(ASSETS.length()));
            return file != null ? Response.of(200, file.contentType(), file.bytes()) : Response.notFound(rawPath);
        }
        return Response.of(404, Response.HTML, assets.page().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code rawPath} (still percent-encoded, so an id's {@code %2F} stays in its segment) names a view. */
    static boolean isView(String rawPath) {
        if (TOP_LEVEL_VIEWS.contains(rawPath)) {
            return true;
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        if (segments.length != 2 || segments[1].isEmpty()) {
            return false;
        }
        return switch (segments[0]) {
            case "queues" -> Names.isValid(decode(segments[1]));
            case "jobs" -> true; // any id: the page asks the API, which says whether it can be one
            default -> false;
        };
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
