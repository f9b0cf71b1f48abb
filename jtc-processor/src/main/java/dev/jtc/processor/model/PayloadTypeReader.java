package dev.jtc.processor.model;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.PayloadType.Component;
import dev.jtc.processor.model.PayloadType.Container;
import dev.jtc.processor.model.PayloadType.ContainerKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Decides whether a parameter type can travel in a JSON payload and, if so, builds its
 * {@link PayloadType}. An unsupported type gets a short reason naming the offending part
 * ({@code java.sql.Connection}, a wildcard, a record that contains itself, a type the generated
 * package cannot see).
 */
public final class PayloadTypeReader {

    private static final Map<String, ScalarKind> SCALARS = Map.ofEntries(
            Map.entry("java.lang.Boolean", ScalarKind.BOXED_BOOLEAN),
            Map.entry("java.lang.Byte", ScalarKind.BOXED_BYTE),
            Map.entry("java.lang.Short", ScalarKind.BOXED_SHORT),
            Map.entry("java.lang.Integer", ScalarKind.BOXED_INT),
            Map.entry("java.lang.Long", ScalarKind.BOXED_LONG),
            Map.entry("java.lang.Float", ScalarKind.BOXED_FLOAT),
            Map.entry("java.lang.Double", ScalarKind.BOXED_DOUBLE),
            Map.entry("java.lang.Character", ScalarKind.BOXED_CHAR),
            Map.entry("java.lang.String", ScalarKind.STRING),
            Map.entry("java.time.Instant", ScalarKind.INSTANT),
            Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE),
            Map.entry("java.time.LocalTime", ScalarKind.LOCAL_TIME),
            Map.entry("java.time.LocalDateTime", ScalarKind.LOCAL_DATE_TIME),
            Map.entry("java.time.OffsetDateTime", ScalarKind.OFFSET_DATE_TIME),
            Map.entry("java.time.ZonedDateTime", ScalarKind.ZONED_DATE_TIME),
            Map.entry("java.time.Duration", ScalarKind.DURATION),
            Map.entry("java.time.Period", ScalarKind.PERIOD),
            Map.entry("java.time.Year", ScalarKind.YEAR),
            Map.entry("java.time.YearMonth", ScalarKind.YEAR_MONTH),
            Map.entry("java.time.ZoneId", ScalarKind.ZONE_ID),
            Map.entry("java.util.UUID", ScalarKind.UUID),
            Map.entry("java.math.BigDecimal", ScalarKind.BIG_DECIMAL),
            Map.entry("java.math.BigInteger", ScalarKind.BIG_INTEGER));

    /** The pre-java.time classes people still pass around; the hint points to java.time. */
    private static final Set<String> LEGACY_TIME = Set.of("java.util.Date", "java.util.Calendar", "java.util.GregorianCalendar",
            "java.sql.Date", "java.sql.Timestamp");

    private static final Map<String, ContainerKind> CONTAINERS = Map.of(
            "java.util.List", ContainerKind.LIST,
            "java.util.Set", ContainerKind.SET,
            "java.util.Collection", ContainerKind.COLLECTION,
            "java.util.Optional", ContainerKind.OPTIONAL);

    /** Why a type has no payload form. */
    public enum Failure {
        /** jtc cannot encode it (or something inside it); {@link Result#problem()} says why and what to write. */
        UNSUPPORTED,
        /**
         * It is encodable, but the generated package cannot name it: {@link Result#problem()} is the
         * type, {@link Result#nonPublic()} the class that must become public (the type or one around it).
         */
        NOT_VISIBLE,
        /**
         * It is in the unnamed package, which generated code in a named package cannot refer to;
         * {@link Result#problem()} is the type.
         */
        UNNAMED_PACKAGE,
        /**
         * It (or something inside it) does not resolve: javac reports it, or another processor
         * generates it in a later round.
         */
        UNRESOLVED
    }

    /** The outcome: a payload type, or why there is none. */
    public record Result(PayloadType type, Failure failure, String problem, String nonPublic) {
        static Result of(PayloadType type) {
            return new Result(type, null, null, null);
        }

        static Result unsupported(String problem) {
            return new Result(null, Failure.UNSUPPORTED, problem, null);
        }

        public boolean supported() {
            return type != null;
        }

        /** The same failure, its reason prefixed with where it sits; a visibility failure names its type alone. */
        Result within(String where) {
            return failure == Failure.NOT_VISIBLE || failure == Failure.UNNAMED_PACKAGE
                    ? this : new Result(null, failure, where + problem, nonPublic);
        }
    }

    private final Elements elements;
    private final String targetPackage;
    private final Deque<String> recordsBeingRead = new ArrayDeque<>();

    /**
     * @param targetPackage the package generated code lives in, to check that enums and records
     *     are visible from there; {@code null} when not known yet (no application found)
     */
    public PayloadTypeReader(Elements elements, String targetPackage) {
        this.elements = elements;
        this.targetPackage = targetPackage;
    }

    public Result read(TypeMirror type) {
        return switch (type.getKind()) {
            case BOOLEAN -> Result.of(new PayloadType.Scalar(ScalarKind.BOOLEAN));
            case BYTE -> Result.of(new PayloadType.Scalar(ScalarKind.BYTE));
            case SHORT -> Result.of(new PayloadType.Scalar(ScalarKind.SHORT));
            case INT -> Result.of(new PayloadType.Scalar(ScalarKind.INT));
            case LONG -> Result.of(new PayloadType.Scalar(ScalarKind.LONG));
            case FLOAT -> Result.of(new PayloadType.Scalar(ScalarKind.FLOAT));
            case DOUBLE -> Result.of(new PayloadType.Scalar(ScalarKind.DOUBLE));
            case CHAR -> Result.of(new PayloadType.Scalar(ScalarKind.CHAR));
            case ARRAY -> readArray((ArrayType) type);
            case DECLARED -> readDeclared((DeclaredType) type);
            case WILDCARD -> Result.unsupported("the wildcard " + type + " is not supported; name the element type, e.g. List<String>");
            case TYPEVAR -> Result.unsupported("the type variable " + type + " is not supported; use a concrete type");
            case ERROR -> new Result(null, Failure.UNRESOLVED, type + " cannot be resolved", null);
            default -> Result.unsupported(type + " is not a type jtc can encode");
        };
    }

    private Result readArray(ArrayType array) {
        TypeMirror component = array.getComponentType();
        switch (component.getKind()) {
            case BYTE:
                return Result.of(new PayloadType.Scalar(ScalarKind.BYTES));
            case BOOLEAN:
                return Result.of(new PayloadType.Scalar(ScalarKind.BOOLEAN_ARRAY));
            case SHORT:
                return Result.of(new PayloadType.Scalar(ScalarKind.SHORT_ARRAY));
            case INT:
                return Result.of(new PayloadType.Scalar(ScalarKind.INT_ARRAY));
            case LONG:
                return Result.of(new PayloadType.Scalar(ScalarKind.LONG_ARRAY));
            case FLOAT:
                return Result.of(new PayloadType.Scalar(ScalarKind.FLOAT_ARRAY));
            case DOUBLE:
                return Result.of(new PayloadType.Scalar(ScalarKind.DOUBLE_ARRAY));
            case CHAR:
                return Result.of(new PayloadType.Scalar(ScalarKind.CHAR_ARRAY));
            case DECLARED:
                if (!((DeclaredType) component).getTypeArguments().isEmpty()) {
                    return Result.unsupported("arrays of generic types (" + array + ") are not supported; use a List instead");
                }
                break;
            default:
                break;
        }
        Result element = read(component);
        return element.supported() ? Result.of(new Container(ContainerKind.ARRAY, element.type())) : element;
    }

    private Result readDeclared(DeclaredType declared) {
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        ScalarKind scalar = SCALARS.get(name);
        if (scalar != null) {
            return Result.of(new PayloadType.Scalar(scalar));
        }
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        ContainerKind container = CONTAINERS.get(name);
        if (container != null) {
            if (arguments.size() != 1) {
                return Result.unsupported("the raw type " + declared + " is not supported; name its element type, e.g. "
                        + element.getSimpleName() + "<String>");
            }
            Result inner = read(arguments.get(0));
            if (!inner.supported()) {
                return inner;
            }
            if (container == ContainerKind.OPTIONAL && inner.type().optional()) {
                return Result.unsupported("an empty Optional inside an Optional is written as null, like an empty outer one,"
                        + " so the two cannot be told apart; use a single Optional");
            }
            return Result.of(new Container(container, inner.type()));
        }
        if (name.equals("java.util.Map")) {
            return readMap(declared, arguments);
        }
        if (element.getKind() == ElementKind.ENUM) {
            Result hidden = hiddenFromTarget(element);
            return hidden != null ? hidden : Result.of(new PayloadType.EnumType(ClassName.get(element)));
        }
        if (element.getKind() == ElementKind.RECORD) {
            return readRecord(element);
        }
        return Result.unsupported(name + " is not a type jtc can encode" + hint(element));
    }

    /** What to write instead of a type jtc does not encode, when there is an obvious answer; else empty. */
    private static String hint(TypeElement type) {
        if (LEGACY_TIME.contains(type.getQualifiedName().toString())) {
            return "; use java.time.Instant";
        }
        if (type.getKind() == ElementKind.CLASS && isSubtypeOf(type, "java.util.Map")) {
            return "; declare it as Map<String, V> (decoding makes the map)";
        }
        if (type.getKind() == ElementKind.CLASS && isSubtypeOf(type, "java.util.Collection")) {
            return "; declare it as List, Set or Collection (decoding makes the collection)";
        }
        return "";
    }

    /** Whether {@code type} extends or implements the class or interface named {@code qualifiedName}. */
    private static boolean isSubtypeOf(TypeElement type, String qualifiedName) {
        if (type.getQualifiedName().contentEquals(qualifiedName)) {
            return true;
        }
        List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
        supertypes.add(type.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            if (supertype.getKind() == TypeKind.DECLARED && isSubtypeOf((TypeElement) ((DeclaredType) supertype).asElement(), qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    private Result readMap(DeclaredType declared, List<? extends TypeMirror> arguments) {
        if (arguments.size() != 2) {
            return Result.unsupported("the raw type " + declared + " is not supported; write Map<String, V>");
        }
        TypeMirror key = arguments.get(0);
        if (key.getKind() == TypeKind.ERROR) {
            return read(key);
        }
        boolean stringKey = key.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) key).asElement()).getQualifiedName().contentEquals("java.lang.String");
        if (!stringKey) {
            return Result.unsupported("map keys must be String (they become JSON object keys), not " + key);
        }
        Result value = read(arguments.get(1));
        return value.supported() ? Result.of(new Container(ContainerKind.MAP, value.type())) : value;
    }

    private Result readRecord(TypeElement record) {
        String name = record.getQualifiedName().toString();
        if (!record.getTypeParameters().isEmpty()) {
            return Result.unsupported("the generic record " + name + " is not supported; use a record without type parameters");
        }
        Result hidden = hiddenFromTarget(record);
        if (hidden != null) {
            return hidden;
        }
        if (recordsBeingRead.contains(name)) {
            List<String> cycle = new ArrayList<>(recordsBeingRead);
            Collections.reverse(cycle);
            cycle = cycle.subList(cycle.indexOf(name), cycle.size());
            return Result.unsupported("the record " + name + " contains itself (" + String.join(" -> ", cycle) + " -> " + name
                    + "), which JSON cannot end; break the cycle, e.g. with an id");
        }
        recordsBeingRead.push(name);
        try {
            List<Component> components = new ArrayList<>();
            for (RecordComponentElement component : record.getRecordComponents()) {
                Result type = read(component.asType());
                if (!type.supported()) {
                    return type.within("component " + component.getSimpleName() + " of record " + name + ": ");
                }
                components.add(new Component(component.getSimpleName().toString(), type.type()));
            }
            return Result.of(new PayloadType.RecordType(ClassName.get(record), components));
        } finally {
            recordsBeingRead.pop();
        }
    }

    /**
     * A {@link Failure#NOT_VISIBLE} or {@link Failure#UNNAMED_PACKAGE} result if generated code in
     * the target package cannot name {@code type}, else null.
     */
    private Result hiddenFromTarget(TypeElement type) {
        if (targetPackage == null) {
            return null;
        }
        boolean samePackage = packageOf(type).equals(targetPackage);
        if (!samePackage && elements.getPackageOf(type).isUnnamed()) {
            return new Result(null, Failure.UNNAMED_PACKAGE, type.getQualifiedName().toString(), null);
        }
        for (Element current = type; current instanceof TypeElement enclosing; current = current.getEnclosingElement()) {
            boolean visible = enclosing.getModifiers().contains(Modifier.PUBLIC)
                    || (samePackage && !enclosing.getModifiers().contains(Modifier.PRIVATE));
            if (!visible) {
                return new Result(null, Failure.NOT_VISIBLE, type.getQualifiedName().toString(), enclosing.getQualifiedName().toString());
            }
        }
        return null;
    }

    private String packageOf(Element element) {
        PackageElement pkg = elements.getPackageOf(element);
        return pkg.getQualifiedName().toString();
    }
}
