package dev.jtc.runtime.dashboard;

import com.sun.net.httpserver.HttpExchange;

/** Serves the page at {@code /} and its files under {@code /assets/}; everything else outside {@code /api/} is a 404. */
final class PageRoute implements Route {

    private static final String ASSETS = "/assets/";

    private final Assets assets;

    PageRoute(Assets assets) {
        this.assets = assets;
    }

    @Override
    public Response answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Response.methodNotAllowed(method, "GET");
        }
        if (path.equals("/") || path.equals("/index.html")) {
            return Response.html(assets.page());
        }
        if (path.startsWith(ASSETS)) {
            Assets.Asset file = assets.file(path.substring(ASSETS.length()));
            if (file != null) {
                return Response.of(200, file.contentType(), file.bytes());
            }
        }
        return Response.notFound(path);
    }
}
