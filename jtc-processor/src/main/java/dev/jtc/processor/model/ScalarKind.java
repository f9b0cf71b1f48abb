package dev.jtc.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * Every payload type that is written and read by one {@code PayloadWriter}/{@code PayloadReader}
 * method pair: primitives, boxes, text forms (String, java.time, UUID, big numbers) and primitive
 * arrays. Each constant names those methods, so generated code is one call per value.
 */
public enum ScalarKind {
    BOOLEAN(TypeName.BOOLEAN, "boolean", "Boolean", "false"),
    BYTE(TypeName.BYTE, "byte", "Byte", "0"),
    SHORT(TypeName.SHORT, "short", "Short", "0"),
    INT(TypeName.INT, "int", "Int", "0"),
    LONG(TypeName.LONG, "long", "Long", "0L"),
    FLOAT(TypeName.FLOAT, "float", "Float", "0.0f"),
    DOUBLE(TypeName.DOUBLE, "double", "Double", "0.0"),
    CHAR(TypeName.CHAR, "char", "Char", "'\\0'"),

    BOXED_BOOLEAN(ClassName.get(Boolean.class), "Boolean", "NullableBoolean", null),
    BOXED_BYTE(ClassName.get(Byte.class), "Byte", "NullableByte", null),
    BOXED_SHORT(ClassName.get(Short.class), "Short", "NullableShort", null),
    BOXED_INT(ClassName.get(Integer.class), "Integer", "NullableInt", null),
    BOXED_LONG(ClassName.get(Long.class), "Long", "NullableLong", null),
    BOXED_FLOAT(ClassName.get(Float.class), "Float", "NullableFloat", null),
    BOXED_DOUBLE(ClassName.get(Double.class), "Double", "NullableDouble", null),
    BOXED_CHAR(ClassName.get(Character.class), "Character", "NullableChar", null),

    STRING(ClassName.get(String.class), "String", "String", null),
    INSTANT(ClassName.get("java.time", "Instant"), "Instant", "Instant", null),
    LOCAL_DATE(ClassName.get("java.time", "LocalDate"), "LocalDate", "LocalDate", null),
    LOCAL_TIME(ClassName.get("java.time", "LocalTime"), "LocalTime", "LocalTime", null),
    LOCAL_DATE_TIME(ClassName.get("java.time", "LocalDateTime"), "LocalDateTime", "LocalDateTime", null),
    OFFSET_DATE_TIME(ClassName.get("java.time", "OffsetDateTime"), "OffsetDateTime", "OffsetDateTime", null),
    ZONED_DATE_TIME(ClassName.get("java.time", "ZonedDateTime"), "ZonedDateTime", "ZonedDateTime", null),
    DURATION(ClassName.get("java.time", "Duration"), "Duration", "Duration", null),
    PERIOD(ClassName.get("java.time", "Period"), "Period", "Period", null),
    YEAR(ClassName.get("java.time", "Year"), "Year", "Year", null),
    YEAR_MONTH(ClassName.get("java.time", "YearMonth"), "YearMonth", "YearMonth", null),
    ZONE_ID(ClassName.get("java.time", "ZoneId"), "ZoneId", "ZoneId", null),
    UUID(ClassName.get("java.util", "UUID"), "UUID", "Uuid", null),
    BIG_DECIMAL(ClassName.get("java.math", "BigDecimal"), "BigDecimal", "BigDecimal", null),
    BIG_INTEGER(ClassName.get("java.math", "BigInteger"), "BigInteger", "BigInteger", null),

    BYTES(ArrayTypeName.of(TypeName.BYTE), "byte[]", "Bytes", null),
    BOOLEAN_ARRAY(ArrayTypeName.of(TypeName.BOOLEAN), "boolean[]", "BooleanArray", null),
    SHORT_ARRAY(ArrayTypeName.of(TypeName.SHORT), "short[]", "ShortArray", null),
    INT_ARRAY(ArrayTypeName.of(TypeName.INT), "int[]", "IntArray", null),
    LONG_ARRAY(ArrayTypeName.of(TypeName.LONG), "long[]", "LongArray", null),
    FLOAT_ARRAY(ArrayTypeName.of(TypeName.FLOAT), "float[]", "FloatArray", null),
    DOUBLE_ARRAY(ArrayTypeName.of(TypeName.DOUBLE), "double[]", "DoubleArray", null),
    CHAR_ARRAY(ArrayTypeName.of(TypeName.CHAR), "char[]", "CharArray", null);

    private final TypeName typeName;
    private final String schemaName;
    private final String methodSuffix;
    private final String primitiveDefault;

    ScalarKind(TypeName typeName, String schemaName, String methodSuffix, String primitiveDefault) {
        this.typeName = typeName;
        this.schemaName = schemaName;
        this.methodSuffix = methodSuffix;
        this.primitiveDefault = primitiveDefault;
    }

    public TypeName typeName() {
        return typeName;
    }

    /** How the schema string spells the type: {@code long}, {@code Instant}, {@code int[]}. */
    public String schemaName() {
        return schemaName;
    }

    /** The {@code PayloadWriter} method: {@code writeLong}, {@code writeNullableInt}. */
    public String writerMethod() {
        return "write" + methodSuffix;
    }

    /** The {@code PayloadReader} method: {@code readLong}, {@code readNullableInt}. */
    public String readerMethod() {
        return "read" + methodSuffix;
    }

    /** Whether it is an array ({@code byte[]}, {@code int[]}, ...): a JSON array or base64, not one plain value. */
    public boolean isArray() {
        return typeName instanceof ArrayTypeName;
    }

    public boolean isPrimitive() {
        return primitiveDefault != null;
    }

    /** The Java literal a decoded primitive starts from before its field is read: {@code 0L}. */
    public String primitiveDefault() {
        return primitiveDefault;
    }
}
