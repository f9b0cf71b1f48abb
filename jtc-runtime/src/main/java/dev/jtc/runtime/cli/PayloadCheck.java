package dev.jtc.runtime.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.UnknownJobException;
import java.io.IOException;

/**
 * Checks a payload typed on the command line before it is sent: that it is one well-formed JSON
 * object, and then that the job's generated codec decodes it
 * ({@link AppDefinition#payloadValidator()}), so that a typo or a field of the wrong type is
 * reported here, on the terminal, with the job's fields, not later in the failed set. A payload
 * that does not pass is a {@link UsageException}.
 */
final class PayloadCheck {

    private static final JsonFactory JSON = new JsonFactory();

    private PayloadCheck() {}

    /** Returns {@code json}, or throws a {@link UsageException} saying what is wrong, with the job's fields in its hint. */
    static String require(AppDefinition app, JobType type, String json) {
        String hint = fields(app, type);
        requireObject(type.name(), json, hint);
        if (AppJobs.isTask(app, type)) {
            return json; // a scheduled task's tick takes no payload; its runner ignores one
        }
        try {
            app.payloadValidator().validate(type.name(), json);
        } catch (PayloadException e) {
            throw new UsageException(e.getMessage(), hint);
        } catch (UnknownJobException e) {
            throw new IllegalStateException("the payload validator of " + app.name() + " does not know job '" + type.name()
                    + "', which its job types list; was the definition put together by hand?", e);
        }
        return json;
    }

    /** "the fields of SendMail: userId:long,template:String", as {@code list} shows the schema. */
    static String fields(AppDefinition app, JobType type) {
        if (AppJobs.isTask(app, type)) {
            return type.name() + " is a scheduled task: it takes no payload (send {} or nothing)";
        }
        if (type.schema().isEmpty()) {
            return type.name() + " takes no parameters: send {} or nothing";
        }
        return "the fields of " + type.name() + ": " + type.schema();
    }

    /** Returns {@code json}, or throws a {@link UsageException} with a one-line message saying what is wrong. */
    private static String requireObject(String jobName, String json, String hint) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UsageException("the payload of " + jobName + " must be a JSON object keyed by parameter name,"
                        + " e.g. '{\"userId\":42}', got: " + json, hint);
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new UsageException("the payload of " + jobName + " has text after its JSON object: " + json, hint);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new UsageException("the payload of " + jobName + " is not valid JSON: " + e.getOriginalMessage()
                    + " (quote it for the shell: '{\"userId\":42}')", hint);
        } catch (IOException e) {
            throw new UsageException("the payload of " + jobName + " cannot be read: " + e.getMessage(), hint);
        }
    }
}
