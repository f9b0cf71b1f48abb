package dev.jtc.runtime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Checks that a payload typed on the command line is one well-formed JSON object before it is
 * sent: a typo is reported here, on the terminal, not later in the failed set. A payload that
 * does not pass is a {@link UsageException}.
 */
final class PayloadCheck {

    private static final JsonFactory JSON = new JsonFactory();

    private PayloadCheck() {}

    /** Returns {@code json}, or throws a {@link UsageException} with a one-line message saying what is wrong. */
    static String requireObject(String jobName, String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UsageException("the payload of " + jobName + " must be a JSON object keyed by parameter name,"
                        + " e.g. '{\"userId\":42}', got: " + json);
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new UsageException("the payload of " + jobName + " has text after its JSON object: " + json);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new UsageException("the payload of " + jobName + " is not valid JSON: " + e.getOriginalMessage()
                    + " (quote it for the shell: '{\"userId\":42}')");
        } catch (IOException e) {
            throw new UsageException("the payload of " + jobName + " cannot be read: " + e.getMessage());
        }
    }
}
