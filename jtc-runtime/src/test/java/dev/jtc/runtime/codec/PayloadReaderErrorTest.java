package dev.jtc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.PayloadException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad payloads fail with a message that names the job, the field's path and what was wrong. */
final class PayloadReaderErrorTest {

    private static String failure(String json, ThrowingRead read) {
        PayloadException e = assertThrows(PayloadException.class, () -> {
            PayloadReader in = PayloadReader.open("SendWelcomeEmail", json);
            read.run(in);
        });
        return e.getMessage();
    }

    @FunctionalInterface
    interface ThrowingRead {
        void run(PayloadReader in) throws PayloadException;
    }

    @Test
    void wrongTypeNamesJobPathAndValue() {
        String message = failure("{\"userId\":\"abc\"}", in -> {
            in.nextField();
            in.readLong();
        });
        assertEquals("cannot decode the payload of job 'SendWelcomeEmail' at $.userId:"
                + " expected a long (a whole number), found the string \"abc\"", message);
    }

    @Test
    void outOfRangeNumber() {
        String message = failure("{\"count\":3000000000}", in -> {
            in.nextField();
            in.readInt();
        });
        assertEquals("cannot decode the payload of job 'SendWelcomeEmail' at $.count:"
                + " expected an int in -2147483648..2147483647, found 3000000000", message);
    }

    @Test
    void nullForPrimitive() {
        String message = failure("{\"flag\":null}", in -> {
            in.nextField();
            in.readBoolean();
        });
        assertTrue(message.endsWith("at $.flag: expected true or false, found null"), message);
    }

    @Test
    void pathReachesIntoListsAndMaps() {
        String message = failure("{\"groups\":{\"admins\":[1,2,\"x\"]}}", in -> {
            in.nextField();
            Map<String, List<Integer>> ignored = in.readMap(r -> r.readList(PayloadReader::readInt));
        });
        assertTrue(message.contains("at $.groups.admins[2]: expected an int (a whole number), found the string \"x\""), message);
    }

    @Test
    void missingRequiredField() {
        String message = failure("{\"template\":\"welcome\"}", in -> {
            while (in.nextField()) {
                in.skipValue();
            }
            in.endObject("userId", "template");
        });
        assertEquals("cannot decode the payload of job 'SendWelcomeEmail' at $: missing field 'userId'", message);
    }

    @Test
    void missingFieldOfNestedRecordNamesItsPath() {
        String message = failure("{\"address\":{\"street\":\"Main\"}}", in -> {
            in.nextField();
            in.beginObject();
            while (in.nextField()) {
                in.skipValue();
            }
            in.endObject("street", "zip", "city");
        });
        assertTrue(message.endsWith("at $.address: missing fields 'zip', 'city'"), message);
    }

    @Test
    void recordConstructorThatRejectsTheValuesIsABadPayloadAtTheRecordsPath() {
        PayloadException e = assertThrows(PayloadException.class, () -> {
            PayloadReader in = PayloadReader.open("ShipOrder", "{\"items\":[{\"quantity\":1},{\"quantity\":-1}]}");
            in.nextField();
            in.readList(list -> list.readObject(PayloadReaderErrorTest::readQuantity));
        });
        assertEquals("cannot decode the payload of job 'ShipOrder' at $.items[1]: the record's constructor rejected the"
                + " values: IllegalArgumentException: quantity must not be negative", e.getMessage());
        assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
    }

    @Test
    void recordConstructorFailureWithoutAMessageIsNamedByItsType() {
        String message = failure("{\"address\":{\"street\":null}}", in -> {
            in.nextField();
            in.readObject(fields -> {
                String street = null;
                while (fields.nextField()) {
                    street = fields.readString();
                }
                fields.endObject("street");
                return java.util.Objects.requireNonNull(street);
            });
        });
        assertTrue(message.endsWith("at $.address: the record's constructor rejected the values: NullPointerException"), message);
    }

    /** Reads {@code {"quantity": n}} the way a generated codec reads a record whose constructor validates. */
    private static Integer readQuantity(PayloadReader fields) throws PayloadException {
        int quantity = 0;
        while (fields.nextField()) {
            quantity = fields.readInt();
        }
        fields.endObject("quantity");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
        return quantity;
    }

    @Test
    void malformedJsonSaysWhere() {
        String message = failure("{\"userId\": 42,,}", in -> {
            while (in.nextField()) {
                in.skipValue();
            }
        });
        assertTrue(message.startsWith("cannot decode the payload of job 'SendWelcomeEmail' at $.userId: malformed JSON (line 1, column "), message);
    }

    @Test
    void notAnObject() {
        PayloadException e = assertThrows(PayloadException.class, () -> PayloadReader.open("SendWelcomeEmail", "[1]"));
        assertEquals("cannot decode the payload of job 'SendWelcomeEmail' at $: the payload must be a JSON object"
                + " keyed by parameter name, found an array", e.getMessage());
    }

    @Test
    void trailingContent() {
        String message = failure("{} {}", in -> {
            in.nextField();
            in.endObject();
        });
        assertTrue(message.endsWith("at $: unexpected content after the payload object, found an object"), message);
    }

    @Test
    void unknownEnumNameListsTheConstants() {
        String message = failure("{\"color\":\"BLUE\"}", in -> {
            in.nextField();
            in.readEnum(PayloadRoundTripTest.Color::values);
        });
        assertTrue(message.endsWith("at $.color: expected one of [RED, GREEN], found the string \"BLUE\""), message);
    }

    @Test
    void badIsoText() {
        String message = failure("{\"when\":\"yesterday\"}", in -> {
            in.nextField();
            in.readInstant();
        });
        assertTrue(message.endsWith("at $.when: expected an ISO-8601 instant such as 2026-03-01T09:30:00Z,"
                + " found the string \"yesterday\""), message);
    }

    @Test
    void badBase64() {
        String message = failure("{\"bytes\":\"***\"}", in -> {
            in.nextField();
            in.readBytes();
        });
        assertTrue(message.endsWith("at $.bytes: expected a base64 string, found the string \"***\""), message);
    }

    @Test
    void charMustBeOneLetter() {
        String message = failure("{\"initial\":\"ab\"}", in -> {
            in.nextField();
            in.readChar();
        });
        assertTrue(message.endsWith("at $.initial: expected a one-letter string for a char, found the string \"ab\""), message);
    }

    @Test
    void nullPayload() {
        PayloadException e = assertThrows(PayloadException.class, () -> PayloadReader.open("SendWelcomeEmail", null));
        assertTrue(e.getMessage().contains("the payload is null"), e.getMessage());
    }

    @Test
    void nullMapKeyIsRejectedWhenEncoding() {
        Map<String, Integer> withNullKey = new java.util.HashMap<>();
        withNullKey.put(null, 1);
        PayloadWriter out = PayloadWriter.open();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> out.field("m").writeMap(withNullKey, PayloadWriter::writeNullableInt));
        assertTrue(e.getMessage().contains("null key"), e.getMessage());
    }
}
