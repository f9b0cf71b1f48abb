package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.PAYLOAD_READER;
import static dev.jtc.processor.writing.SourceFiles.PAYLOAD_WRITER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.jtc.processor.model.PayloadType;
import dev.jtc.processor.model.PayloadType.Container;
import dev.jtc.processor.model.PayloadType.EnumType;
import dev.jtc.processor.model.PayloadType.RecordType;
import dev.jtc.processor.model.PayloadType.Scalar;
import java.util.Map;
import java.util.Set;

/**
 * The expressions a codec uses to write and read one payload value: a single
 * {@code PayloadWriter}/{@code PayloadReader} call for the value itself, and method references
 * or small lambdas for the elements of containers. Lambda parameters are named by nesting depth
 * ({@code in2}, {@code value2}) and kept clear of the enclosing method's names.
 */
final class PayloadCode {

    private final ClassName codec;
    private final Map<String, String> recordMethodNames;
    private final Set<String> namesInScope;

    /**
     * @param recordMethodNames per record's canonical name, the suffix of its generated
     *     {@code write}/{@code read} methods ({@code Address} for {@code writeAddress})
     * @param namesInScope the enclosing method's parameter and local names, which lambdas must not reuse
     */
    PayloadCode(ClassName codec, Map<String, String> recordMethodNames, Set<String> namesInScope) {
        this.codec = codec;
        this.recordMethodNames = recordMethodNames;
        this.namesInScope = namesInScope;
    }

    /** {@code out.field("userId").writeLong(userId)}. */
    CodeBlock writeField(String writer, String field, PayloadType type, CodeBlock value) {
        return CodeBlock.of("$N.field($S).$L", writer, field, writeCall(type, value, 1));
    }

    /** The call after {@code out.}, e.g. {@code writeList(tags, PayloadWriter::writeString)}. */
    private CodeBlock writeCall(PayloadType type, CodeBlock value, int depth) {
        if (type instanceof Scalar scalar) {
            return CodeBlock.of("$L($L)", scalar.kind().writerMethod(), value);
        }
        if (type instanceof EnumType) {
            return CodeBlock.of("writeEnum($L)", value);
        }
        if (type instanceof RecordType record) {
            return CodeBlock.of("writeObject($L, $T::write$L)", value, codec, recordMethodNames.get(record.type().canonicalName()));
        }
        Container container = (Container) type;
        String method = switch (container.kind()) {
            case LIST, SET, COLLECTION -> "writeList";
            case ARRAY -> "writeArray";
            case MAP -> "writeMap";
            case OPTIONAL -> "writeOptional";
        };
        return CodeBlock.of("$L($L, $L)", method, value, valueWriter(container.element(), depth + 1));
    }

    /** A {@code ValueWriter} for an element: {@code PayloadWriter::writeString}, or a lambda for records and containers. */
    private CodeBlock valueWriter(PayloadType type, int depth) {
        if (type instanceof Scalar scalar) {
            return CodeBlock.of("$T::$L", PAYLOAD_WRITER, scalar.kind().writerMethod());
        }
        if (type instanceof EnumType) {
            return CodeBlock.of("$T::writeEnum", PAYLOAD_WRITER);
        }
        String out = free("out" + depth);
        String value = free("value" + depth);
        return CodeBlock.of("($N, $N) -> $N.$L", out, value, out, writeCall(type, CodeBlock.of("$N", value), depth));
    }

    /** The expression that reads a value at the reader's position: {@code in.readLong()}. */
    CodeBlock read(String reader, PayloadType type) {
        return read(reader, type, 1);
    }

    private CodeBlock read(String reader, PayloadType type, int depth) {
        if (type instanceof Scalar scalar) {
            return CodeBlock.of("$N.$L()", reader, scalar.kind().readerMethod());
        }
        if (type instanceof EnumType enumType) {
            return CodeBlock.of("$N.readEnum($T::values)", reader, enumType.type());
        }
        if (type instanceof RecordType record) {
            return CodeBlock.of("$N.readObject($T::read$L)", reader, codec, recordMethodNames.get(record.type().canonicalName()));
        }
        Container container = (Container) type;
        CodeBlock element = valueReader(container.element(), depth + 1);
        return switch (container.kind()) {
            case LIST, COLLECTION -> CodeBlock.of("$N.readList($L)", reader, element);
            case SET -> CodeBlock.of("$N.readSet($L)", reader, element);
            case MAP -> CodeBlock.of("$N.readMap($L)", reader, element);
            case OPTIONAL -> CodeBlock.of("$N.readOptional($L)", reader, element);
            case ARRAY -> CodeBlock.of("$N.readArray($L, $T[]::new)", reader, element, container.element().typeName());
        };
    }

    /** A {@code ValueReader} for an element: {@code PayloadReader::readString}, or a lambda for the rest. */
    private CodeBlock valueReader(PayloadType type, int depth) {
        if (type instanceof Scalar scalar) {
            return CodeBlock.of("$T::$L", PAYLOAD_READER, scalar.kind().readerMethod());
        }
        String in = free("in" + depth);
        return CodeBlock.of("$N -> $L", in, read(in, type, depth));
    }

    private String free(String name) {
        String candidate = name;
        while (namesInScope.contains(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }
}
