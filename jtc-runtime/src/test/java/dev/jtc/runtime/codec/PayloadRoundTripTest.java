package dev.jtc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.PayloadException;
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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every supported value type goes out through {@link PayloadWriter} and comes back unchanged through {@link PayloadReader}. */
final class PayloadRoundTripTest {

    enum Color { RED, GREEN }

    @Test
    void primitivesAndBoxes() throws PayloadException {
        PayloadWriter out = PayloadWriter.open();
        out.field("b").writeBoolean(true);
        out.field("y").writeByte((byte) -7);
        out.field("s").writeShort((short) 300);
        out.field("i").writeInt(Integer.MIN_VALUE);
        out.field("l").writeLong(Long.MAX_VALUE);
        out.field("f").writeFloat(1.5f);
        out.field("d").writeDouble(Double.NaN);
        out.field("c").writeChar('ß');
        out.field("boxed").writeNullableInt(null);
        out.field("boxedLong").writeNullableLong(42L);
        String json = out.finish();

        assertEquals("{\"b\":true,\"y\":-7,\"s\":300,\"i\":-2147483648,\"l\":9223372036854775807,"
                + "\"f\":1.5,\"d\":\"NaN\",\"c\":\"ß\",\"boxed\":null,\"boxedLong\":42}", json);

        PayloadReader in = PayloadReader.open("Job", json);
        assertTrue(in.nextField());
        assertTrue(in.readBoolean());
        in.nextField();
        assertEquals((byte) -7, in.readByte());
        in.nextField();
        assertEquals((short) 300, in.readShort());
        in.nextField();
        assertEquals(Integer.MIN_VALUE, in.readInt());
        in.nextField();
        assertEquals(Long.MAX_VALUE, in.readLong());
        in.nextField();
        assertEquals(1.5f, in.readFloat());
        in.nextField();
        assertTrue(Double.isNaN(in.readDouble()));
        in.nextField();
        assertEquals('ß', in.readChar());
        in.nextField();
        assertEquals("boxed", in.fieldName());
        assertNull(in.readNullableInt());
        in.nextField();
        assertEquals(42L, in.readNullableLong());
        assertEquals(false, in.nextField());
        in.endObject("b", "y", "s", "i", "l", "f", "d", "c", "boxed", "boxedLong");
    }

    @Test
    void textFormsUseIsoStrings() throws PayloadException {
        Instant instant = Instant.parse("2026-03-29T01:30:00.123Z");
        ZonedDateTime zoned = ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneId.of("Europe/Berlin")).withLaterOffsetAtOverlap();
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        BigDecimal price = new BigDecimal("1E+3");

        PayloadWriter out = PayloadWriter.open();
        out.field("instant").writeInstant(instant);
        out.field("date").writeLocalDate(LocalDate.of(2024, 2, 29));
        out.field("time").writeLocalTime(LocalTime.of(9, 5));
        out.field("local").writeLocalDateTime(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        out.field("offset").writeOffsetDateTime(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5)));
        out.field("zoned").writeZonedDateTime(zoned);
        out.field("duration").writeDuration(Duration.ofMinutes(90));
        out.field("period").writePeriod(Period.of(1, 2, 3));
        out.field("year").writeYear(Year.of(2026));
        out.field("month").writeYearMonth(YearMonth.of(2026, 3));
        out.field("zone").writeZoneId(ZoneId.of("America/New_York"));
        out.field("uuid").writeUuid(uuid);
        out.field("price").writeBigDecimal(price);
        out.field("big").writeBigInteger(new BigInteger("123456789012345678901234567890"));
        out.field("color").writeEnum(Color.GREEN);
        out.field("bytes").writeBytes(new byte[] {0, 1, 2, (byte) 255});
        out.field("missingText").writeString(null);
        String json = out.finish();

        assertTrue(json.contains("\"instant\":\"2026-03-29T01:30:00.123Z\""), json);
        assertTrue(json.contains("\"price\":\"1E+3\""), json);
        assertTrue(json.contains("\"color\":\"GREEN\""), json);
        assertTrue(json.contains("\"bytes\":\"AAEC/w==\""), json);

        PayloadReader in = PayloadReader.open("Job", json);
        in.nextField();
        assertEquals(instant, in.readInstant());
        in.nextField();
        assertEquals(LocalDate.of(2024, 2, 29), in.readLocalDate());
        in.nextField();
        assertEquals(LocalTime.of(9, 5), in.readLocalTime());
        in.nextField();
        assertEquals(LocalDateTime.of(2026, 1, 2, 3, 4, 5), in.readLocalDateTime());
        in.nextField();
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(-5)), in.readOffsetDateTime());
        in.nextField();
        assertEquals(zoned, in.readZonedDateTime());
        in.nextField();
        assertEquals(Duration.ofMinutes(90), in.readDuration());
        in.nextField();
        assertEquals(Period.of(1, 2, 3), in.readPeriod());
        in.nextField();
        assertEquals(Year.of(2026), in.readYear());
        in.nextField();
        assertEquals(YearMonth.of(2026, 3), in.readYearMonth());
        in.nextField();
        assertEquals(ZoneId.of("America/New_York"), in.readZoneId());
        in.nextField();
        assertEquals(uuid, in.readUuid());
        in.nextField();
        BigDecimal readPrice = in.readBigDecimal();
        assertEquals(price, readPrice);
        assertEquals(price.scale(), readPrice.scale());
        in.nextField();
        assertEquals(new BigInteger("123456789012345678901234567890"), in.readBigInteger());
        in.nextField();
        assertEquals(Color.GREEN, in.readEnum(Color::values));
        in.nextField();
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 255}, in.readBytes());
        in.nextField();
        assertNull(in.readString());
        in.nextField();
        in.endObject();
    }

    @Test
    void containersNestAndKeepOrder() throws PayloadException {
        Map<String, List<Integer>> scores = new LinkedHashMap<>();
        scores.put("zed", List.of(3, 1));
        scores.put("amy", List.of());

        PayloadWriter out = PayloadWriter.open();
        out.field("scores").writeMap(scores, (w, v) -> w.writeList(v, PayloadWriter::writeNullableInt));
        out.field("tags").writeList(Set.of("only"), PayloadWriter::writeString);
        out.field("names").writeArray(new String[] {"a", null}, PayloadWriter::writeString);
        out.field("ints").writeIntArray(new int[] {1, 2});
        out.field("chars").writeCharArray(new char[] {'h', 'i'});
        out.field("present").writeOptional(Optional.of(Instant.EPOCH), PayloadWriter::writeInstant);
        out.field("empty").writeOptional(Optional.empty(), PayloadWriter::writeInstant);
        String json = out.finish();
        assertEquals("{\"scores\":{\"zed\":[3,1],\"amy\":[]},\"tags\":[\"only\"],\"names\":[\"a\",null],"
                + "\"ints\":[1,2],\"chars\":\"hi\",\"present\":\"1970-01-01T00:00:00Z\",\"empty\":null}", json);

        PayloadReader in = PayloadReader.open("Job", json);
        in.nextField();
        Map<String, List<Integer>> readScores = in.readMap(r -> r.readList(PayloadReader::readNullableInt));
        assertEquals(scores, readScores);
        assertEquals(List.of("zed", "amy"), List.copyOf(readScores.keySet()));
        in.nextField();
        assertEquals(Set.of("only"), in.readSet(PayloadReader::readString));
        in.nextField();
        assertArrayEquals(new String[] {"a", null}, in.readArray(PayloadReader::readString, String[]::new));
        in.nextField();
        assertArrayEquals(new int[] {1, 2}, in.readIntArray());
        in.nextField();
        assertArrayEquals(new char[] {'h', 'i'}, in.readCharArray());
        in.nextField();
        assertEquals(Optional.of(Instant.EPOCH), in.readOptional(PayloadReader::readInstant));
        in.nextField();
        assertEquals(Optional.empty(), in.readOptional(PayloadReader::readInstant));
        in.nextField();
        in.endObject();
    }

    @Test
    void unknownFieldsAreSkippedHoweverDeep() throws PayloadException {
        PayloadReader in = PayloadReader.open("Job", "{\"extra\":{\"a\":[1,{\"b\":2}]},\"id\":5,\"more\":[[]]}");
        long id = 0;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "id" -> id = in.readLong();
                default -> in.skipValue();
            }
        }
        in.endObject("id");
        assertEquals(5, id);
    }

    @Test
    void nestedObjectsAreReadInTheirOwnScope() throws PayloadException {
        PayloadWriter out = PayloadWriter.open();
        out.field("address");
        out.beginObject();
        out.field("street").writeString("Main");
        out.field("zip").writeInt(12345);
        out.endObject();
        out.field("after").writeBoolean(false);
        String json = out.finish();

        PayloadReader in = PayloadReader.open("Job", json);
        in.nextField();
        assertEquals("address", in.fieldName());
        in.beginObject();
        String street = null;
        int zip = 0;
        while (in.nextField()) {
            switch (in.fieldName()) {
                case "street" -> street = in.readString();
                case "zip" -> zip = in.readInt();
                default -> in.skipValue();
            }
        }
        in.endObject("street", "zip");
        assertEquals("Main", street);
        assertEquals(12345, zip);
        in.nextField();
        assertEquals("after", in.fieldName());
        assertEquals(false, in.readBoolean());
        in.nextField();
        in.endObject("address", "after");
    }

    @Test
    void numbersAreAcceptedAsBigNumbersToo() throws PayloadException {
        PayloadReader in = PayloadReader.open("Job", "{\"d\":12.50,\"i\":98765432109876543210,\"whole\":3}");
        in.nextField();
        assertEquals(new BigDecimal("12.50"), in.readBigDecimal());
        in.nextField();
        assertEquals(new BigInteger("98765432109876543210"), in.readBigInteger());
        in.nextField();
        assertEquals(3.0, in.readDouble());
        in.nextField();
        in.endObject();
    }
}
