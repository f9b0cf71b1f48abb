package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes the API's JSON with Jackson's streaming generator. {@code <}, {@code >} and {@code &} come
 * out as {@code \u003c}-style escapes, so a job reason such as {@code </script><script>} stays
 * inert even if a response were ever embedded in HTML or sniffed as it.
 */
final class JsonBodies {

    /** Writes one JSON value (usually an object) to the generator. */
    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().characterEscapes(new HtmlSafeEscapes()).build();

    private JsonBodies() {}

    static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.writeTo(json);
        } catch (IOException e) {
            // A ByteArrayOutputStream does not fail; this is a generator misuse.
            throw new UncheckedIOException("could not write the dashboard's JSON", e);
        }
        return bytes.toByteArray();
    }

    /** {"error": ..., "hint": ...}: what every failed API call answers. */
    static byte[] error(String message, String hint) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", message);
            json.writeStringField("hint", hint);
            json.writeEndObject();
        });
    }

    /** Jackson's standard JSON escapes plus the three characters that start HTML markup. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] ascii;

        HtmlSafeEscapes() {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
