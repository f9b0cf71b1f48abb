package dev.jtc.runtime.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What one request is answered with. Handlers build these; {@link GuardedHandler} sends them with
 * the security headers every response gets.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param body the body's bytes
 * @param headers extra headers (e.g. {@code Allow} on a 405)
 */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";

    Response {
        headers = Map.copyOf(headers);
    }

    static Response of(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }

    static Response json(JsonBodies.Body body) {
        return of(200, JSON, JsonBodies.write(body));
    }

    static Response html(String html) {
        return of(200, HTML, html.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON error: one line saying what is wrong and a hint saying what to do. */
    static Response error(int status, String message, String hint) {
        return of(status, JSON, JsonBodies.error(message, hint));
    }

    static Response notFound(String path) {
        return error(404, "no such page: " + path, "the dashboard lives at / and its API under /api/");
    }

    static Response methodNotAllowed(String method, String allowed) {
        return new Response(405, JSON,
                JsonBodies.error(method + " is not allowed here", "use " + allowed),
                Map.of("Allow", allowed));
    }
}
