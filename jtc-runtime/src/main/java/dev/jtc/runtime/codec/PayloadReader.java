package dev.jtc.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.jtc.runtime.PayloadException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Reads a job's payload, a JSON object keyed by parameter name, one call per value, so that a
 * generated {@code decode} method is a {@code switch} over field names. It streams through
 * jackson-core's {@link JsonParser}; no reflection, no data binding. Unknown fields are skipped,
 * so producers may send more than a worker knows.
 *
 * <pre>{@code
 * PayloadReader in = PayloadReader.open("SendWelcomeEmail", json);
 * long userId = 0L;
 * String template = null;
 * while (in.nextField()) {
 *     switch (in.fieldName()) {
 *         case "userId" -> userId = in.readLong();
 *         case "template" -> template = in.readString();
 *         default -> in.skipValue();
 *     }
 * }
 * in.endObject("userId", "template");
 * }</pre>
 *
 * <p>Every problem (malformed JSON, a missing field, a value of the wrong type) becomes a
 * {@link PayloadException} whose message names the job, the path of the field ({@code
 * $.address.zip}, {@code $.tags[2]}) and what was expected. A read method leaves the parser on
 * the last token of the value it read, as jackson-core's own readers do.
 */
public final class PayloadReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int QUOTED_TEXT_LIMIT = 40;

    private final String job;
    private final JsonParser json;
    private final Deque<Scope> scopes = new ArrayDeque<>();

    private PayloadReader(String job, JsonParser json) {
        this.job = job;
        this.json = json;
    }

    /**
     * Starts reading {@code payload} for job {@code job} (the name used in error messages); the
     * returned reader is inside the top-level object, ready for {@link #nextField()}.
     */
    public static PayloadReader open(String job, String payload) throws PayloadException {
        if (payload == null) {
            throw new PayloadException("cannot decode the payload of job '" + job + "': the payload is null;"
                    + " send a JSON object such as {}");
        }
        PayloadReader in;
        try {
            in = new PayloadReader(job, JSON.createParser(payload));
        } catch (IOException e) {
            throw new PayloadException("cannot decode the payload of job '" + job + "': " + e.getMessage(), e);
        }
        JsonToken first = in.advance();
        if (first != JsonToken.START_OBJECT) {
            throw in.problem("the payload must be a JSON object keyed by parameter name, " + in.found(first));
        }
        in.scopes.push(Scope.object());
        return in;
    }

    // Objects: the top level and records.

    /**
     * Moves to the next field of the current object and onto its value; false at the object's end.
     * Call {@link #endObject(String...)} after it returns false.
     */
    public boolean nextField() throws PayloadException {
        JsonToken token = advance();
        if (token == JsonToken.END_OBJECT) {
            return false;
        }
        if (token != JsonToken.FIELD_NAME) {
            throw problem("expected a field name, " + found(token));
        }
        Scope scope = scopes.peek();
        scope.field = currentName();
        scope.seen.add(scope.field);
        advance();
        return true;
    }

    /** The name of the field {@link #nextField()} moved to. */
    public String fieldName() {
        return scopes.peek().field;
    }

    /** Skips the current value, however deeply nested: for fields this job does not know. */
    public void skipValue() throws PayloadException {
        parse(json::skipChildren);
    }

    /** True if the current value is JSON null, which needs no further reading. */
    public boolean readNull() {
        return json.currentToken() == JsonToken.VALUE_NULL;
    }

    /** Enters the nested object that is the current value (a record). */
    public void beginObject() throws PayloadException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.START_OBJECT) {
            throw problem("expected a JSON object, " + found(token));
        }
        scopes.push(Scope.object());
    }

    /**
     * Leaves the current object after {@link #nextField()} returned false, checking that every
     * field in {@code required} was present (JSON null counts as present). At the top level it
     * also checks that nothing follows the payload object.
     */
    public void endObject(String... required) throws PayloadException {
        Scope scope = scopes.peek();
        scope.field = null;
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!scope.seen.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw problem((missing.size() == 1 ? "missing field '" : "missing fields '") + String.join("', '", missing) + "'");
        }
        scopes.pop();
        if (scopes.isEmpty()) {
            JsonToken trailing = advance();
            if (trailing != null) {
                throw problem("unexpected content after the payload object, " + found(trailing));
            }
        }
    }

    // Primitives: JSON null is an error, since a primitive parameter has no null.

    public boolean readBoolean() throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw problem("expected true or false, " + found(token));
    }

    public byte readByte() throws PayloadException {
        return (byte) readWhole("a byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    public short readShort() throws PayloadException {
        return (short) readWhole("a short", Short.MIN_VALUE, Short.MAX_VALUE);
    }

    public int readInt() throws PayloadException {
        return (int) readWhole("an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public long readLong() throws PayloadException {
        return readWhole("a long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Reads a number; also the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. */
    public float readFloat() throws PayloadException {
        return (float) readDecimal("a float");
    }

    /** Reads a number; also the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. */
    public double readDouble() throws PayloadException {
        return readDecimal("a double");
    }

    /** Reads a one-letter string. */
    public char readChar() throws PayloadException {
        String text = json.currentToken() == JsonToken.VALUE_STRING ? currentText() : null;
        if (text == null || text.length() != 1) {
            throw problem("expected a one-letter string for a char, " + found(json.currentToken()));
        }
        return text.charAt(0);
    }

    private long readWhole(String what, long min, long max) throws PayloadException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw problem("expected " + what + " (a whole number), " + found(token));
        }
        if (parse(json::getNumberType) == JsonParser.NumberType.BIG_INTEGER) {
            throw problem("expected " + what + " in " + min + ".." + max + ", found " + currentText());
        }
        long value = parse(json::getLongValue);
        if (value < min || value > max) {
            throw problem("expected " + what + " in " + min + ".." + max + ", found " + value);
        }
        return value;
    }

    private double readDecimal(String what) throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parse(json::getDoubleValue);
        }
        if (token == JsonToken.VALUE_STRING) {
            switch (currentText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw problem("expected " + what + " (a number), " + found(token));
    }

    // Boxes: JSON null reads as null.

    public Boolean readNullableBoolean() throws PayloadException {
        return readNull() ? null : readBoolean();
    }

    public Byte readNullableByte() throws PayloadException {
        return readNull() ? null : readByte();
    }

    public Short readNullableShort() throws PayloadException {
        return readNull() ? null : readShort();
    }

    public Integer readNullableInt() throws PayloadException {
        return readNull() ? null : readInt();
    }

    public Long readNullableLong() throws PayloadException {
        return readNull() ? null : readLong();
    }

    public Float readNullableFloat() throws PayloadException {
        return readNull() ? null : readFloat();
    }

    public Double readNullableDouble() throws PayloadException {
        return readNull() ? null : readDouble();
    }

    public Character readNullableChar() throws PayloadException {
        return readNull() ? null : readChar();
    }

    // Text forms: JSON null reads as null.

    public String readString() throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw problem("expected a string, " + found(token));
        }
        return currentText();
    }

    /**
     * Reads an enum constant by name. {@code constants} is the enum's {@code values} method
     * ({@code Status::values}), so no reflection is needed to look the name up.
     */
    public <E extends Enum<E>> E readEnum(Supplier<E[]> constants) throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        E[] values = constants.get();
        if (token == JsonToken.VALUE_STRING) {
            String name = currentText();
            for (E value : values) {
                if (value.name().equals(name)) {
                    return value;
                }
            }
        }
        List<String> names = new ArrayList<>(values.length);
        for (E value : values) {
            names.add(value.name());
        }
        throw problem("expected one of " + names + ", " + found(token));
    }

    public Instant readInstant() throws PayloadException {
        return readText("an ISO-8601 instant such as 2026-03-01T09:30:00Z", Instant::parse);
    }

    public LocalDate readLocalDate() throws PayloadException {
        return readText("an ISO-8601 date such as 2026-03-01", LocalDate::parse);
    }

    public LocalTime readLocalTime() throws PayloadException {
        return readText("an ISO-8601 time such as 09:30:00", LocalTime::parse);
    }

    public LocalDateTime readLocalDateTime() throws PayloadException {
        return readText("an ISO-8601 local date-time such as 2026-03-01T09:30:00", LocalDateTime::parse);
    }

    public OffsetDateTime readOffsetDateTime() throws PayloadException {
        return readText("an ISO-8601 date-time with offset such as 2026-03-01T09:30:00+01:00", OffsetDateTime::parse);
    }

    public ZonedDateTime readZonedDateTime() throws PayloadException {
        return readText("a date-time with zone such as 2026-03-01T09:30:00+01:00[Europe/Berlin]", ZonedDateTime::parse);
    }

    public Duration readDuration() throws PayloadException {
        return readText("an ISO-8601 duration such as PT30S", Duration::parse);
    }

    public Period readPeriod() throws PayloadException {
        return readText("an ISO-8601 period such as P1M2D", Period::parse);
    }

    public Year readYear() throws PayloadException {
        return readText("a year such as \"2026\"", Year::parse);
    }

    public YearMonth readYearMonth() throws PayloadException {
        return readText("a year and month such as 2026-03", YearMonth::parse);
    }

    public ZoneId readZoneId() throws PayloadException {
        return readText("a zone id such as Europe/Berlin or UTC", ZoneId::of);
    }

    public UUID readUuid() throws PayloadException {
        return readText("a UUID such as 123e4567-e89b-12d3-a456-426614174000", UUID::fromString);
    }

    /** Reads a decimal from a string (as written) or from a JSON number. */
    public BigDecimal readBigDecimal() throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return parse(json::getDecimalValue);
        }
        return readText("a decimal number such as \"12.50\"", BigDecimal::new);
    }

    /** Reads a big integer from a string (as written) or from a whole JSON number. */
    public BigInteger readBigInteger() throws PayloadException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return parse(json::getBigIntegerValue);
        }
        return readText("a whole number such as \"12345678901234567890\"", BigInteger::new);
    }

    /** Reads bytes from a base64 string (standard alphabet, padded, as {@link PayloadWriter#writeBytes} writes). */
    public byte[] readBytes() throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw problem("expected a base64 string, " + found(token));
        }
        try {
            return Base64.getDecoder().decode(currentText());
        } catch (IllegalArgumentException e) {
            throw problem("expected a base64 string, " + found(token));
        }
    }

    private <T> T readText(String what, TextParser<T> parser) throws PayloadException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            try {
                return parser.parse(currentText());
            } catch (DateTimeException | IllegalArgumentException e) {
                // NumberFormatException is an IllegalArgumentException; fall through to the message.
            }
        }
        throw problem("expected " + what + ", " + found(token));
    }

    @FunctionalInterface
    private interface TextParser<T> {
        T parse(String text);
    }

    // Primitive arrays: JSON arrays; null reads as null.

    public boolean[] readBooleanArray() throws PayloadException {
        return readPrimitives(PayloadReader::readBoolean, boolean[]::new, (array, i, value) -> array[i] = value);
    }

    public short[] readShortArray() throws PayloadException {
        return readPrimitives(PayloadReader::readShort, short[]::new, (array, i, value) -> array[i] = value);
    }

    public int[] readIntArray() throws PayloadException {
        return readPrimitives(PayloadReader::readInt, int[]::new, (array, i, value) -> array[i] = value);
    }

    public long[] readLongArray() throws PayloadException {
        return readPrimitives(PayloadReader::readLong, long[]::new, (array, i, value) -> array[i] = value);
    }

    public float[] readFloatArray() throws PayloadException {
        return readPrimitives(PayloadReader::readFloat, float[]::new, (array, i, value) -> array[i] = value);
    }

    public double[] readDoubleArray() throws PayloadException {
        return readPrimitives(PayloadReader::readDouble, double[]::new, (array, i, value) -> array[i] = value);
    }

    /**
     * Reads a JSON array into a primitive array: the boxed elements, read by {@code element}, are
     * stored one by one by {@code store}, since Java has no generic primitive array.
     */
    private <T, A> A readPrimitives(ValueReader<T> element, IntFunction<A> newArray, ElementStore<A, T> store)
            throws PayloadException {
        List<T> values = readList(element);
        if (values == null) {
            return null;
        }
        A array = newArray.apply(values.size());
        for (int i = 0; i < values.size(); i++) {
            store.set(array, i, values.get(i));
        }
        return array;
    }

    /** Stores element {@code i} of a primitive array, unboxing it. */
    @FunctionalInterface
    private interface ElementStore<A, T> {
        void set(A array, int i, T value);
    }

    /** Reads a char array from one string. */
    public char[] readCharArray() throws PayloadException {
        String text = readString();
        return text == null ? null : text.toCharArray();
    }

    // Containers: the element reader says how each element is read. Results are unmodifiable.

    /**
     * Reads a record from a nested JSON object, or null from JSON null: {@code fields} reads the
     * object's fields, from {@link #nextField()} to {@link #endObject(String...)}, and builds the
     * record ({@code Codec::readAddress}), so a generated codec holds only the field table.
     *
     * <p>A record whose constructor validates ({@code if (quantity < 0) throw ...}) may reject the
     * values it was given: that is a bad payload like any other, so the exception becomes a
     * {@link PayloadException} at the record's path, with the exception as its cause.
     */
    public <T> T readObject(ValueReader<? extends T> fields) throws PayloadException {
        if (readNull()) {
            return null;
        }
        int depth = scopes.size();
        beginObject();
        try {
            return fields.read(this);
        } catch (RuntimeException | AssertionError rejected) {
            // Only user code (the record's constructor, or an assert in it) throws unchecked here; the reader's own
            // problems are checked.
            while (scopes.size() > depth) {
                scopes.pop();
            }
            String reason = rejected.getMessage() == null ? rejected.getClass().getSimpleName()
                    : rejected.getClass().getSimpleName() + ": " + firstLine(rejected.getMessage());
            throw new PayloadException(prefix() + "the record's constructor rejected the values: " + reason, rejected);
        }
    }

    /** Reads a JSON array into an unmodifiable list (elements may be null). */
    public <T> List<T> readList(ValueReader<? extends T> element) throws PayloadException {
        if (readNull()) {
            return null;
        }
        List<T> values = new ArrayList<>();
        readElements(element, values);
        return Collections.unmodifiableList(values);
    }

    /** Reads a JSON array into an unmodifiable set that keeps the array's order; duplicates collapse. */
    public <T> Set<T> readSet(ValueReader<? extends T> element) throws PayloadException {
        if (readNull()) {
            return null;
        }
        Set<T> values = new LinkedHashSet<>();
        readElements(element, values);
        return Collections.unmodifiableSet(values);
    }

    /** Reads a JSON array into an array made by {@code newArray} ({@code String[]::new}). */
    public <T> T[] readArray(ValueReader<? extends T> element, IntFunction<T[]> newArray) throws PayloadException {
        if (readNull()) {
            return null;
        }
        List<T> values = new ArrayList<>();
        readElements(element, values);
        return values.toArray(newArray.apply(values.size()));
    }

    /** Reads a JSON object into an unmodifiable map that keeps the object's order. */
    public <V> Map<String, V> readMap(ValueReader<? extends V> value) throws PayloadException {
        if (readNull()) {
            return null;
        }
        beginObject();
        Map<String, V> values = new LinkedHashMap<>();
        while (nextField()) {
            values.put(fieldName(), value.read(this));
        }
        scopes.pop();
        return Collections.unmodifiableMap(values);
    }

    /** Reads a value that may be JSON null; null reads as {@link Optional#empty()}. */
    public <T> Optional<T> readOptional(ValueReader<? extends T> present) throws PayloadException {
        if (readNull()) {
            return Optional.empty();
        }
        return Optional.ofNullable(present.read(this));
    }

    private <T> void readElements(ValueReader<? extends T> element, java.util.Collection<T> into) throws PayloadException {
        JsonToken token = json.currentToken();
        if (token != JsonToken.START_ARRAY) {
            throw problem("expected a JSON array, " + found(token));
        }
        Scope scope = Scope.array();
        scopes.push(scope);
        while (advance() != JsonToken.END_ARRAY) {
            scope.index++;
            into.add(element.read(this));
        }
        scopes.pop();
    }

    // Positioning and messages.

    private JsonToken advance() throws PayloadException {
        return parse(json::nextToken);
    }

    private String currentName() throws PayloadException {
        return parse(json::currentName);
    }

    private String currentText() throws PayloadException {
        return parse(json::getText);
    }

    /** Runs one parser call; the {@link IOException} of malformed or oversize input becomes a {@link PayloadException}. */
    private <T> T parse(JsonStep<T> step) throws PayloadException {
        try {
            return step.run();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /** One call on the parser; jackson-core declares {@link IOException} on all of them. */
    @FunctionalInterface
    private interface JsonStep<T> {
        T run() throws IOException;
    }

    private PayloadException malformed(IOException e) {
        String detail = e instanceof JsonParseException parse ? parse.getOriginalMessage()
                : e instanceof StreamConstraintsException limit ? limit.getOriginalMessage()
                : e.getMessage();
        String location = json.currentLocation() == null ? ""
                : " (line " + json.currentLocation().getLineNr() + ", column " + json.currentLocation().getColumnNr() + ")";
        return new PayloadException(prefix() + "malformed JSON" + location + ": " + firstLine(detail), e);
    }

    private PayloadException problem(String message) {
        return new PayloadException(prefix() + message);
    }

    private String prefix() {
        return "cannot decode the payload of job '" + job + "' at " + path() + ": ";
    }

    /** The path of the current value, like {@code $.address.zip} or {@code $.tags[2]}. */
    private String path() {
        StringBuilder path = new StringBuilder("$");
        Iterator<Scope> outermostFirst = scopes.descendingIterator();
        while (outermostFirst.hasNext()) {
            Scope scope = outermostFirst.next();
            if (scope.array) {
                if (scope.index >= 0) {
                    path.append('[').append(scope.index).append(']');
                }
            } else if (scope.field != null) {
                if (isSimpleName(scope.field)) {
                    path.append('.').append(scope.field);
                } else {
                    path.append("[\"").append(scope.field.replace("\"", "\\\"")).append("\"]");
                }
            }
        }
        return path.toString();
    }

    private static boolean isSimpleName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Describes what was found instead, e.g. {@code found the string "abc"}. */
    private String found(JsonToken token) {
        if (token == null) {
            return "found the end of the input";
        }
        try {
            return switch (token) {
                case VALUE_STRING -> "found the string \"" + shorten(json.getText()) + "\"";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "found the number " + shorten(json.getText());
                case VALUE_TRUE -> "found true";
                case VALUE_FALSE -> "found false";
                case VALUE_NULL -> "found null";
                case START_OBJECT -> "found an object";
                case START_ARRAY -> "found an array";
                case END_ARRAY -> "found the end of an array";
                case END_OBJECT -> "found the end of an object";
                case FIELD_NAME -> "found the field name \"" + shorten(json.currentName()) + "\"";
                default -> "found " + token.asString();
            };
        } catch (IOException e) {
            return "found " + token;
        }
    }

    private static String shorten(String text) {
        return text.length() <= QUOTED_TEXT_LIMIT ? text : text.substring(0, QUOTED_TEXT_LIMIT) + "...";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable input";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** Where the reader is: inside an object (which field, which fields seen) or an array (which index). */
    private static final class Scope {
        final boolean array;
        final Set<String> seen;
        String field;
        int index = -1;

        private Scope(boolean array) {
            this.array = array;
            this.seen = array ? Set.of() : new HashSet<>();
        }

        static Scope object() {
            return new Scope(false);
        }

        static Scope array() {
            return new Scope(true);
        }
    }
}
