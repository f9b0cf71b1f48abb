package dev.jtc.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Writes a job's payload as a JSON object, one call per value, so that a generated
 * {@code encode} method is a list of lines like {@code out.field("userId").writeLong(userId);}.
 * It streams through jackson-core's {@link JsonGenerator}; no reflection, no data binding.
 *
 * <pre>{@code
 * PayloadWriter out = PayloadWriter.open();
 * out.field("userId").writeLong(userId);
 * out.field("tags").writeList(tags, PayloadWriter::writeString);
 * return out.finish();
 * }</pre>
 *
 * <p>Values that cannot be represented (a {@code null} map key) throw
 * {@link IllegalArgumentException} at dispatch time, before anything reaches the broker.
 */
public final class PayloadWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final StringWriter buffer;
    private final JsonGenerator json;

    private PayloadWriter(StringWriter buffer, JsonGenerator json) {
        this.buffer = buffer;
        this.json = json;
    }

    /** Starts a payload: the returned writer is inside the top-level JSON object. */
    public static PayloadWriter open() {
        StringWriter buffer = new StringWriter(64);
        PayloadWriter out;
        try {
            out = new PayloadWriter(buffer, JSON.createGenerator(buffer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.beginObject();
        return out;
    }

    /** Closes the top-level object and returns the payload's JSON text. */
    public String finish() {
        endObject();
        emit(json::close);
        return buffer.toString();
    }

    /** Writes the name of the next field; the value follows with one of the {@code write} methods. */
    public PayloadWriter field(String name) {
        emit(() -> json.writeFieldName(name));
        return this;
    }

    /** Starts a nested JSON object (a record inside the payload). */
    public void beginObject() {
        emit(json::writeStartObject);
    }

    /** Ends the nested object started by {@link #beginObject()}. */
    public void endObject() {
        emit(json::writeEndObject);
    }

    public void writeNull() {
        emit(json::writeNull);
    }

    // Primitives: always a JSON value, never null.

    public void writeBoolean(boolean value) {
        emit(() -> json.writeBoolean(value));
    }

    public void writeByte(byte value) {
        writeLong(value);
    }

    public void writeShort(short value) {
        writeLong(value);
    }

    public void writeInt(int value) {
        writeLong(value);
    }

    public void writeLong(long value) {
        emit(() -> json.writeNumber(value));
    }

    /** Writes a float; NaN and the infinities become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    public void writeFloat(float value) {
        emit(() -> json.writeNumber(value));
    }

    /** Writes a double; NaN and the infinities become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    public void writeDouble(double value) {
        emit(() -> json.writeNumber(value));
    }

    /** Writes a char as a one-letter string. */
    public void writeChar(char value) {
        writeString(String.valueOf(value));
    }

    // Boxes: null becomes JSON null.

    public void writeNullableBoolean(Boolean value) {
        writeNullable(value, PayloadWriter::writeBoolean);
    }

    public void writeNullableByte(Byte value) {
        writeNullable(value, PayloadWriter::writeByte);
    }

    public void writeNullableShort(Short value) {
        writeNullable(value, PayloadWriter::writeShort);
    }

    public void writeNullableInt(Integer value) {
        writeNullable(value, PayloadWriter::writeInt);
    }

    public void writeNullableLong(Long value) {
        writeNullable(value, PayloadWriter::writeLong);
    }

    public void writeNullableFloat(Float value) {
        writeNullable(value, PayloadWriter::writeFloat);
    }

    public void writeNullableDouble(Double value) {
        writeNullable(value, PayloadWriter::writeDouble);
    }

    public void writeNullableChar(Character value) {
        writeNullable(value, PayloadWriter::writeChar);
    }

    // Text forms: null becomes JSON null.

    public void writeString(String value) {
        emit(() -> json.writeString(value));
    }

    /** Writes an enum constant by its {@code name()}. */
    public void writeEnum(Enum<?> value) {
        writeString(value == null ? null : value.name());
    }

    public void writeInstant(Instant value) {
        writeText(value);
    }

    public void writeLocalDate(LocalDate value) {
        writeText(value);
    }

    public void writeLocalTime(LocalTime value) {
        writeText(value);
    }

    public void writeLocalDateTime(LocalDateTime value) {
        writeText(value);
    }

    public void writeOffsetDateTime(OffsetDateTime value) {
        writeText(value);
    }

    public void writeZonedDateTime(ZonedDateTime value) {
        writeText(value);
    }

    public void writeDuration(Duration value) {
        writeText(value);
    }

    public void writePeriod(Period value) {
        writeText(value);
    }

    public void writeYear(Year value) {
        writeText(value);
    }

    public void writeYearMonth(YearMonth value) {
        writeText(value);
    }

    public void writeZoneId(ZoneId value) {
        writeText(value);
    }

    public void writeUuid(UUID value) {
        writeText(value);
    }

    /** Writes a BigDecimal as a string, so that no digit or scale is lost on the way. */
    public void writeBigDecimal(BigDecimal value) {
        writeText(value);
    }

    /** Writes a BigInteger as a string, so that readers with 64-bit numbers lose nothing. */
    public void writeBigInteger(BigInteger value) {
        writeText(value);
    }

    /** Writes bytes as a base64 string. */
    public void writeBytes(byte[] value) {
        writeNullable(value, (out, bytes) -> out.emit(() -> out.json.writeBinary(bytes)));
    }

    /** The ISO-8601 (or decimal) text that every java.time type, UUID and big number prints. */
    private void writeText(Object value) {
        writeString(value == null ? null : value.toString());
    }

    // Primitive arrays: JSON arrays; null becomes JSON null.

    public void writeBooleanArray(boolean[] values) {
        writeNullable(values, (out, array) -> out.writeElements(array.length, i -> out.writeBoolean(array[i])));
    }

    public void writeShortArray(short[] values) {
        writeNullable(values, (out, array) -> out.writeElements(array.length, i -> out.writeLong(array[i])));
    }

    public void writeIntArray(int[] values) {
        writeNullable(values, (out, array) -> out.writeElements(array.length, i -> out.writeLong(array[i])));
    }

    public void writeLongArray(long[] values) {
        writeNullable(values, (out, array) -> out.writeElements(array.length, i -> out.writeLong(array[i])));
    }

    public void writeFloatArray(float[] values) {
        writeNullable(values, (out, array) -> out.writeElements(array.length, i -> out.writeFloat(array[i])));
    }

    public void writeDoubleArray(double[] values) {
        writeNullable(values, (out, array) -> out.writeElements(array.length, i -> out.writeDouble(array[i])));
    }

    /** Writes a char array as one string. */
    public void writeCharArray(char[] values) {
        writeString(values == null ? null : new String(values));
    }

    // Records and containers: the value or element writer says how each value is written.

    /**
     * Writes a record as a nested JSON object, or JSON null: {@code fields} writes the record's
     * fields ({@code Codec::writeAddress}), so a generated codec holds only the field list.
     */
    public <T> void writeObject(T value, ValueWriter<? super T> fields) {
        writeNullable(value, (out, present) -> {
            out.beginObject();
            fields.write(out, present);
            out.endObject();
        });
    }

    /** Writes a list, set or other collection as a JSON array, in iteration order. */
    public <T> void writeList(Collection<? extends T> values, ValueWriter<? super T> element) {
        writeNullable(values, (out, collection) -> {
            out.beginArray();
            for (T value : collection) {
                element.write(out, value);
            }
            out.endArray();
        });
    }

    /** Writes an object array as a JSON array. */
    public <T> void writeArray(T[] values, ValueWriter<? super T> element) {
        writeList(values == null ? null : Arrays.asList(values), element);
    }

    /** Writes a map with string keys as a JSON object, in iteration order. */
    public <V> void writeMap(Map<String, ? extends V> values, ValueWriter<? super V> value) {
        writeNullable(values, (out, map) -> {
            out.beginObject();
            for (Map.Entry<String, ? extends V> entry : map.entrySet()) {
                if (entry.getKey() == null) {
                    throw new IllegalArgumentException("a payload map cannot have a null key: JSON object keys are strings");
                }
                out.field(entry.getKey());
                value.write(out, entry.getValue());
            }
            out.endObject();
        });
    }

    /** Writes the optional's value, or JSON null when it is empty (or itself null). */
    public <T> void writeOptional(Optional<? extends T> value, ValueWriter<? super T> present) {
        writeNullable(value == null ? null : value.orElse(null), present);
    }

    /** JSON null for a null {@code value}, else {@code present}'s form of it: the rule of every reference type. */
    private <T> void writeNullable(T value, ValueWriter<? super T> present) {
        if (value == null) {
            writeNull();
        } else {
            present.write(this, value);
        }
    }

    /** A JSON array of {@code length} elements, element {@code i} written by {@code element}. */
    private void writeElements(int length, IntConsumer element) {
        beginArray();
        for (int i = 0; i < length; i++) {
            element.accept(i);
        }
        endArray();
    }

    private void beginArray() {
        emit(json::writeStartArray);
    }

    private void endArray() {
        emit(json::writeEndArray);
    }

    /**
     * Runs one generator call. Writing into a {@link StringWriter} does no I/O, so an
     * {@link IOException} here means the generator was misused; it is rethrown unchecked.
     */
    private void emit(JsonStep step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One call on the generator; jackson-core declares {@link IOException} on all of them. */
    @FunctionalInterface
    private interface JsonStep {
        void run() throws IOException;
    }
}
