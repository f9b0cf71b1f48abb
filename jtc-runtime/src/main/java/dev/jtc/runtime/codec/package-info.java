/**
 * The small JSON vocabulary that generated payload codecs are written in.
 *
 * <p>Each generated {@code <Job>Codec} encodes a job's {@code handle} parameters as a JSON object
 * keyed by parameter name and decodes it back, one line per field, by calling
 * {@link dev.jtc.runtime.codec.PayloadWriter} and {@link dev.jtc.runtime.codec.PayloadReader}.
 * Both stream through jackson-core ({@code JsonGenerator}/{@code JsonParser}); nothing here uses
 * reflection or data binding, so the job path stays reflection-free.
 *
 * <p>Wire forms: numbers and booleans as JSON numbers and booleans; {@code char} as a one-letter
 * string; java.time values, {@code UUID}, {@code BigDecimal}, {@code BigInteger} and {@code ZoneId}
 * as strings (ISO-8601 for time); enums by {@code name()}; {@code byte[]} as base64; collections
 * and arrays as JSON arrays; {@code Map<String, V>} and records as JSON objects; an empty
 * {@code Optional} as {@code null} (an absent field decodes as empty too).
 */
package dev.jtc.runtime.codec;
