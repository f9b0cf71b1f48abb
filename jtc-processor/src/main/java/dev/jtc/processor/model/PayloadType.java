package dev.jtc.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Set;

/**
 * The shape of one payload value, as far as encoding goes: a tree whose leaves are scalars,
 * enums and records and whose inner nodes are containers. Built only for supported types; it
 * carries JavaPoet names, never {@code Element}s, so writers can use it directly.
 */
public sealed interface PayloadType {

    /** The Java type, for declarations in generated code. */
    TypeName typeName();

    /**
     * Appends the canonical schema spelling ({@code List<String>}, {@code Address{street:String}})
     * to {@code schema}. A record is spelled out with its components the first time it appears
     * and by name after that, so the schema stays finite and changes when a record changes.
     */
    void appendSchema(StringBuilder schema, Set<String> recordsSpelled);

    /** Whether the value can be absent from the JSON object (an {@code Optional}). */
    default boolean optional() {
        return false;
    }

    /** A primitive, box, text form or primitive array: one writer/reader method pair. */
    record Scalar(ScalarKind kind) implements PayloadType {
        @Override
        public TypeName typeName() {
            return kind.typeName();
        }

        @Override
        public void appendSchema(StringBuilder schema, Set<String> recordsSpelled) {
            schema.append(kind.schemaName());
        }
    }

    /** An enum, written by {@code name()}. */
    record EnumType(ClassName type) implements PayloadType {
        @Override
        public TypeName typeName() {
            return type;
        }

        @Override
        public void appendSchema(StringBuilder schema, Set<String> recordsSpelled) {
            schema.append(String.join("_", type.simpleNames()));
        }
    }

    /** A record of supported types, written as a nested JSON object by a generated method pair. */
    record RecordType(ClassName type, List<Component> components) implements PayloadType {
        public RecordType {
            components = List.copyOf(components);
        }

        @Override
        public TypeName typeName() {
            return type;
        }

        @Override
        public void appendSchema(StringBuilder schema, Set<String> recordsSpelled) {
            schema.append(String.join("_", type.simpleNames()));
            if (recordsSpelled.add(type.canonicalName())) {
                schema.append('{');
                for (int i = 0; i < components.size(); i++) {
                    if (i > 0) {
                        schema.append(',');
                    }
                    Component component = components.get(i);
                    schema.append(component.name()).append(':');
                    component.type().appendSchema(schema, recordsSpelled);
                }
                schema.append('}');
            }
        }
    }

    /** One component of a record. */
    record Component(String name, PayloadType type) {}

    /** A list, set, collection, map with string keys, object array or optional around an element type. */
    record Container(ContainerKind kind, PayloadType element) implements PayloadType {
        @Override
        public TypeName typeName() {
            TypeName elementName = element.typeName();
            return switch (kind) {
                case ARRAY -> ArrayTypeName.of(elementName);
                case MAP -> ParameterizedTypeName.get(ClassName.get("java.util", "Map"), ClassName.get(String.class), elementName);
                default -> ParameterizedTypeName.get(kind.rawType(), elementName);
            };
        }

        @Override
        public void appendSchema(StringBuilder schema, Set<String> recordsSpelled) {
            switch (kind) {
                case ARRAY -> {
                    element.appendSchema(schema, recordsSpelled);
                    schema.append("[]");
                }
                case MAP -> {
                    schema.append("Map<String,");
                    element.appendSchema(schema, recordsSpelled);
                    schema.append('>');
                }
                default -> {
                    schema.append(kind.rawType().simpleName()).append('<');
                    element.appendSchema(schema, recordsSpelled);
                    schema.append('>');
                }
            }
        }

        @Override
        public boolean optional() {
            return kind == ContainerKind.OPTIONAL;
        }
    }

    /** The containers a payload may use. */
    enum ContainerKind {
        LIST(ClassName.get("java.util", "List")),
        SET(ClassName.get("java.util", "Set")),
        COLLECTION(ClassName.get("java.util", "Collection")),
        MAP(ClassName.get("java.util", "Map")),
        OPTIONAL(ClassName.get("java.util", "Optional")),
        ARRAY(null);

        private final ClassName rawType;

        ContainerKind(ClassName rawType) {
            this.rawType = rawType;
        }

        public ClassName rawType() {
            return rawType;
        }
    }
}
