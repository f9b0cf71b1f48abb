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
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
        try {
            JsonGenerator json = JSON.createGenerator(buffer);
            json.writeStartObject();
            return new PayloadWriter(buffer, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the top-level object and returns the payload's JSON text. */
    public String finish() {
        try {
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    /** Writes the name of the next field; the value follows with one of the {@code write} methods. */
    public PayloadWriter field(String name) {
        try {
            json.writeFieldName(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Starts a nested JSON object (a record inside the payload). */
    public void beginObject() {
        try {
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the nested object started by {@link #beginObject()}. */
    public void endObject() {
        try {
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeNull() {
        try {
            json.writeNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Primitives: always a JSON value, never null.

    public void writeBoolean(boolean value) {
        try {
            json.writeBoolean(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try {
            json.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a float; NaN and the infinities become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    public void writeFloat(float value) {
        try {
            json.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a double; NaN and the infinities become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}. */
    public void writeDouble(double value) {
        try {
            json.writeNumber(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a char as a one-letter string. */
    public void writeChar(char value) {
        writeString(String.valueOf(value));
    }

    // Boxes: null becomes JSON null.

    public void writeNullableBoolean(Boolean value) {
        if (value == null) {
            writeNull();
        } else {
            writeBoolean(value);
        }
    }

    public void writeNullableByte(Byte value) {
        writeNullableWhole(value);
    }

    public void writeNullableShort(Short value) {
        writeNullableWhole(value);
    }

    public void writeNullableInt(Integer value) {
        writeNullableWhole(value);
    }

    public void writeNullableLong(Long value) {
        writeNullableWhole(value);
    }

    public void writeNullableFloat(Float value) {
        if (value == null) {
            writeNull();
        } else {
            writeFloat(value);
        }
    }

    public void writeNullableDouble(Double value) {
        if (value == null) {
            writeNull();
        } else {
            writeDouble(value);
        }
    }

    public void writeNullableChar(Character value) {
        if (value == null) {
            writeNull();
        } else {
            writeChar(value);
        }
    }

    private void writeNullableWhole(Number value) {
        if (value == null) {
            writeNull();
        } else {
            writeLong(value.longValue());
        }
    }

    // Text forms: null becomes JSON null.

    public void writeString(String value) {
        try {
            json.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        if (value == null) {
            writeNull();
            return;
        }
        try {
            json.writeBinary(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ISO-8601 (or decimal) text that every java.time type, UUID and big number prints. */
    private void writeText(Object value) {
        writeString(value == null ? null : value.toString());
    }

    // Primitive arrays: JSON arrays; null becomes JSON null.

    public void writeBooleanArray(boolean[] values) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (boolean value : values) {
            writeBoolean(value);
        }
        endArray();
    }

    public void writeShortArray(short[] values) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (short value : values) {
            writeLong(value);
        }
        endArray();
    }

    public void writeIntArray(int[] values) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (int value : values) {
            writeLong(value);
        }
        endArray();
    }

    public void writeLongArray(long[] values) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (long value : values) {
            writeLong(value);
        }
        endArray();
    }

    public void writeFloatArray(float[] values) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (float value : values) {
            writeFloat(value);
        }
        endArray();
    }

    public void writeDoubleArray(double[] values) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (double value : values) {
            writeDouble(value);
        }
        endArray();
    }

    /** Writes a char array as one string. */
    public void writeCharArray(char[] values) {
        writeString(values == null ? null : new String(values));
    }

    // Containers: the element writer says how each element is written.

    /** Writes {@code value} with {@code writer}: how a generated codec writes a record field ({@code Codec::writeAddress}). */
    public <T> void write(T value, ValueWriter<? super T> writer) {
        writer.write(this, value);
    }

    /** Writes a list, set or other collection as a JSON array, in iteration order. */
    public <T> void writeList(Collection<? extends T> values, ValueWriter<? super T> element) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (T value : values) {
            element.write(this, value);
        }
        endArray();
    }

    /** Writes an object array as a JSON array. */
    public <T> void writeArray(T[] values, ValueWriter<? super T> element) {
        if (values == null) {
            writeNull();
            return;
        }
        beginArray();
        for (T value : values) {
            element.write(this, value);
        }
        endArray();
    }

    /** Writes a map with string keys as a JSON object, in iteration order. */
    public <V> void writeMap(Map<String, ? extends V> values, ValueWriter<? super V> value) {
        if (values == null) {
            writeNull();
            return;
        }
        beginObject();
        for (Map.Entry<String, ? extends V> entry : values.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("a payload map cannot have a null key: JSON object keys are strings");
            }
            field(entry.getKey());
            value.write(this, entry.getValue());
        }
        endObject();
    }

    /** Writes the optional's value, or JSON null when it is empty (or itself null). */
    public <T> void writeOptional(Optional<? extends T> value, ValueWriter<? super T> present) {
        if (value == null || value.isEmpty()) {
            writeNull();
        } else {
            present.write(this, value.get());
        }
    }

    private void beginArray() {
        try {
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endArray() {
        try {
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
