package dev.jtc.processor.writing;

import static dev.jtc.processor.writing.SourceFiles.JOB_CONTEXT;
import static dev.jtc.processor.writing.SourceFiles.JOB_LIMITS;
import static dev.jtc.processor.writing.SourceFiles.JOB_TYPE;
import static dev.jtc.processor.writing.SourceFiles.OPTIONAL;
import static dev.jtc.processor.writing.SourceFiles.PAYLOAD_EXCEPTION;
import static dev.jtc.processor.writing.SourceFiles.PAYLOAD_READER;
import static dev.jtc.processor.writing.SourceFiles.PAYLOAD_WRITER;
import static dev.jtc.processor.writing.SourceFiles.TYPED_JOB;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.jtc.processor.model.PayloadType;
import dev.jtc.processor.model.PayloadType.Container;
import dev.jtc.processor.model.PayloadType.RecordType;
import dev.jtc.processor.model.PayloadType.Scalar;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.writing.JobSpec.Argument;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Job>Codec}, beside the job, in the job's own compilation: the job's
 * {@code JobType} (name, queue, retries, timeout, backoff, payload schema and fingerprint),
 * {@code encode} (the dispatcher's side), {@code decode} into a {@code Payload} record and
 * {@code run}, which decodes and calls {@code handle} (the worker's side). A private write/read
 * method pair per record type inside the payload handles its fields (the runtime's
 * {@code writeObject}/{@code readObject} frame them). Every line is one call into
 * {@code dev.jtc.runtime.codec}, so the generated code stays thin; the application's classes
 * only refer to it.
 */
public final class CodecWriter {

    public JavaFile write(JobSpec job) {
        Map<String, RecordType> records = new TreeMap<>();
        for (Argument argument : job.payload()) {
            collectRecords(argument.type(), records);
        }
        Map<String, String> recordMethodNames = recordMethodNames(records);

        TypeSpec.Builder codec = TypeSpec.classBuilder(job.codec())
                .addJavadoc("Job {@code $L} ({@link $T}) and its payload, a JSON object keyed by parameter name: encoded\n"
                        + "for the dispatcher, decoded and run for the worker. Decoding goes by field name and ignores\n"
                        + "fields it does not know.\n",
                        job.wireName(), job.type())
                .addAnnotation(SourceFiles.GENERATED);
        SourceFiles.suppress(codec, job.suppressedWarnings())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(job.originatingElement())
                .addField(FieldSpec.builder(String.class, "SCHEMA", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The payload's parameters in canonical form; it changes whenever they do.\n")
                        .initializer("$S", job.schema())
                        .build())
                .addField(FieldSpec.builder(String.class, "FINGERPRINT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The first 16 hex digits of the SHA-256 of {@link #SCHEMA}, sent with every payload.\n")
                        .initializer("$S", job.fingerprint())
                        .build())
                .addField(FieldSpec.builder(String.class, "JOB_NAME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$S", job.wireName())
                        .build())
                .addField(FieldSpec.builder(JOB_TYPE, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Job {@code $L}, on queue {@code $L}.\n", job.wireName(), job.queue())
                        .initializer(jobType(job))
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(encode(job, recordMethodNames))
                .addMethod(decode(job, recordMethodNames))
                .addMethod(run(job))
                .addMethod(typedJob(job));
        for (RecordType record : records.values()) {
            codec.addMethod(writeRecord(job.codec(), record, recordMethodNames));
            codec.addMethod(readRecord(job.codec(), record, recordMethodNames));
        }
        codec.addType(payloadRecord(job));
        return SourceFiles.file(job.codec().packageName(), codec.build());
    }

    private MethodSpec encode(JobSpec job, Map<String, String> recordMethodNames) {
        Set<String> scope = new HashSet<>();
        job.payload().forEach(argument -> scope.add(argument.name()));
        String out = freeName("out", scope);
        scope.add(out);
        PayloadCode code = new PayloadCode(job.codec(), recordMethodNames, scope);
        MethodSpec.Builder encode = MethodSpec.methodBuilder("encode")
                .addJavadoc("Encodes the arguments of one dispatch of {@link $T} as JSON.\n", job.type())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class);
        for (Argument argument : job.payload()) {
            encode.addParameter(argument.type().typeName(), argument.name());
        }
        // The application's dispatcher reads its parameters from here, varargs included.
        encode.varargs(job.varargs() && !job.payload().isEmpty() && job.arguments().get(job.arguments().size() - 1) == job.payload().get(job.payload().size() - 1));
        encode.addStatement("$T $N = $T.open()", PAYLOAD_WRITER, out, PAYLOAD_WRITER);
        for (Argument argument : job.payload()) {
            encode.addStatement(code.writeField(out, argument.name(), argument.type(), CodeBlock.of("$N", argument.name())));
        }
        encode.addStatement("return $N.finish()", out);
        return encode.build();
    }

    /** Decodes the payload and calls {@code handle}: the one place the worker touches the job. */
    private static MethodSpec run(JobSpec job) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (Argument argument : job.arguments()) {
            arguments.add(argument.context() ? CodeBlock.of("context") : CodeBlock.of("p.$N()", argument.componentName()));
        }
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addJavadoc("Runs one attempt of {@link $T}: decodes {@code payload} and calls {@code handle} on {@code job}.\n",
                        job.type())
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(job.type(), "job")
                .addParameter(String.class, "payload")
                .addParameter(JOB_CONTEXT, "context")
                .addException(Exception.class);
        if (job.payload().isEmpty()) {
            run.addStatement("decode(payload)");
        } else {
            run.addStatement("$T p = decode(payload)", payloadName(job));
        }
        return run.addStatement("job.handle($L)", CodeBlock.join(arguments, ", ")).build();
    }

    /** {@code Duration.ofSeconds(30)}, or {@code JobType.NO_TIMEOUT}. */
    /**
     * The job's type with its decoder, for tests and tools. A method rather than a constant: the
     * method reference is then bootstrapped by the code that asks, not by every worker at start.
     */
    private static MethodSpec typedJob(JobSpec job) {
        ParameterizedTypeName typed = ParameterizedTypeName.get(TYPED_JOB, payloadName(job));
        return MethodSpec.methodBuilder("job")
                .addJavadoc("This job for tests and tools that read its payloads: {@link #TYPE} and {@link #decode}.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(typed)
                .addStatement("return new $T<>(TYPE, $T::decode)", TYPED_JOB, job.codec())
                .build();
    }

    /** {@code new JobType(JOB_NAME, ...)}, with the job's limits last when it has any. */
    private static CodeBlock jobType(JobSpec job) {
        CodeBlock attributes = CodeBlock.of("JOB_NAME, $S, $L, $L, $L, $L, FINGERPRINT, SCHEMA", job.queue(), job.retries(),
                timeout(job.timeout()), backoff(job.backoffBase(), JobTypeDefaults.BASE),
                backoff(job.backoffCap(), JobTypeDefaults.CAP));
        return job.limits().isNone() ? CodeBlock.of("new $T($L)", JOB_TYPE, attributes)
                : CodeBlock.of("new $T($L, $L)", JOB_TYPE, attributes, limits(job.limits()));
    }

    /** {@code JobLimits.NONE.withMaxConcurrency(5).withRate(100, Duration.ofMinutes(1))}: only the limits declared. */
    private static CodeBlock limits(JobSpec.Limits limits) {
        CodeBlock.Builder code = CodeBlock.builder().add("$T.NONE", JOB_LIMITS);
        if (limits.maxConcurrency() > 0) {
            code.add(".withMaxConcurrency($L)", limits.maxConcurrency());
        }
        if (limits.rateCount() > 0) {
            code.add(".withRate($L, $L)", limits.rateCount(), SourceFiles.durationCode(limits.ratePer()));
        }
        if (!limits.limitKey().isEmpty()) {
            code.add(".withLimitKey($S)", limits.limitKey());
        }
        if (limits.withoutOverlapping()) {
            code.add(".withoutOverlapping($S)", limits.overlapKey());
        }
        return code.build();
    }

    private static CodeBlock timeout(Duration timeout) {
        return timeout.isZero() ? CodeBlock.of("$T.NO_TIMEOUT", JOB_TYPE) : SourceFiles.durationCode(timeout);
    }

    private static CodeBlock backoff(Duration value, JobTypeDefaults fallback) {
        return value.equals(fallback.value) ? CodeBlock.of("$T.$L", JOB_TYPE, fallback.constant) : SourceFiles.durationCode(value);
    }

    /** The backoff bounds {@code JobType} names as constants, so the common case reads as words. */
    private enum JobTypeDefaults {
        BASE(Duration.ofSeconds(1), "DEFAULT_BACKOFF_BASE"),
        CAP(Duration.ofMinutes(10), "DEFAULT_BACKOFF_CAP");

        private final Duration value;
        private final String constant;

        JobTypeDefaults(Duration value, String constant) {
            this.value = value;
            this.constant = constant;
        }
    }

    private MethodSpec decode(JobSpec job, Map<String, String> recordMethodNames) {
        NameAllocator names = new NameAllocator();
        names.newName("json", "json");
        names.newName("in", "in");
        List<Field> fields = new ArrayList<>();
        for (Argument argument : job.payload()) {
            fields.add(new Field(argument.name(), names.newName(argument.name()), argument.type()));
        }
        MethodSpec.Builder decode = MethodSpec.methodBuilder("decode")
                .addJavadoc("Decodes a payload of {@link $T}.\n\n", job.type())
                .addJavadoc("@throws $T if the JSON is malformed, or a field is missing or of the wrong type; the message\n"
                        + "    names the job, the field's path and the problem\n", PAYLOAD_EXCEPTION)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(payloadName(job))
                .addParameter(String.class, "json")
                .addException(PAYLOAD_EXCEPTION)
                .addStatement("$T in = $T.open(JOB_NAME, json)", PAYLOAD_READER, PAYLOAD_READER);
        readFields(decode, "in", fields, job.codec(), recordMethodNames);
        decode.addStatement("return new $T($L)", payloadName(job), arguments(fields));
        return decode.build();
    }

    private static MethodSpec writeRecord(ClassName codec, RecordType record, Map<String, String> recordMethodNames) {
        PayloadCode code = new PayloadCode(codec, recordMethodNames, Set.of("out", "value"));
        MethodSpec.Builder write = MethodSpec.methodBuilder("write" + recordMethodNames.get(record.type().canonicalName()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(PAYLOAD_WRITER, "out")
                .addParameter(record.type(), "value");
        for (PayloadType.Component component : record.components()) {
            write.addStatement(code.writeField("out", component.name(), component.type(),
                    CodeBlock.of("value.$N()", component.name())));
        }
        return write.build();
    }

    private static MethodSpec readRecord(ClassName codec, RecordType record, Map<String, String> recordMethodNames) {
        NameAllocator names = new NameAllocator();
        names.newName("in", "in");
        List<Field> fields = new ArrayList<>();
        for (PayloadType.Component component : record.components()) {
            fields.add(new Field(component.name(), names.newName(component.name()), component.type()));
        }
        MethodSpec.Builder read = MethodSpec.methodBuilder("read" + recordMethodNames.get(record.type().canonicalName()))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(record.type())
                .addParameter(PAYLOAD_READER, "in")
                .addException(PAYLOAD_EXCEPTION);
        readFields(read, "in", fields, codec, recordMethodNames);
        return read.addStatement("return new $T($L)", record.type(), arguments(fields)).build();
    }

    /** One JSON field read into a local: its name in JSON, its local variable, its type. */
    private record Field(String jsonName, String local, PayloadType type) {}

    /** Declares a local per field, reads the object's fields by name, then checks the required ones. */
    private static void readFields(MethodSpec.Builder method, String in, List<Field> fields, ClassName codec,
            Map<String, String> recordMethodNames) {
        Set<String> scope = new HashSet<>();
        scope.add(in);
        fields.forEach(field -> scope.add(field.local()));
        PayloadCode code = new PayloadCode(codec, recordMethodNames, scope);
        for (Field field : fields) {
            method.addStatement("$T $N = $L", field.type().typeName(), field.local(), initialValue(field.type()));
        }
        method.beginControlFlow("while ($N.nextField())", in);
        if (fields.isEmpty()) {
            method.addStatement("$N.skipValue()", in);
        } else {
            method.beginControlFlow("switch ($N.fieldName())", in);
            for (Field field : fields) {
                method.addStatement("case $S -> $N = $L", field.jsonName(), field.local(), code.read(in, field.type()));
            }
            method.addStatement("default -> $N.skipValue()", in);
            method.endControlFlow();
        }
        method.endControlFlow();
        List<CodeBlock> required = new ArrayList<>();
        for (Field field : fields) {
            if (!field.type().optional()) {
                required.add(CodeBlock.of("$S", field.jsonName()));
            }
        }
        method.addStatement("$N.endObject($L)", in, CodeBlock.join(required, ", "));
    }

    private static CodeBlock initialValue(PayloadType type) {
        if (type instanceof Scalar scalar && scalar.kind().isPrimitive()) {
            return CodeBlock.of("$L", scalar.kind().primitiveDefault());
        }
        if (type.optional()) {
            return CodeBlock.of("$T.empty()", OPTIONAL);
        }
        return CodeBlock.of("null");
    }

    private static CodeBlock arguments(List<Field> fields) {
        List<CodeBlock> locals = new ArrayList<>();
        fields.forEach(field -> locals.add(CodeBlock.of("$N", field.local())));
        return CodeBlock.join(locals, ", ");
    }

    private static TypeSpec payloadRecord(JobSpec job) {
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
        for (Argument argument : job.payload()) {
            constructor.addParameter(ParameterSpec.builder(argument.type().typeName(), argument.componentName()).build());
        }
        return TypeSpec.recordBuilder(payloadName(job))
                .addJavadoc("The decoded arguments of one run of {@link $T}, named as its {@code handle} parameters.\n", job.type())
                .addModifiers(Modifier.PUBLIC)
                .recordConstructor(constructor.build())
                .build();
    }

    static ClassName payloadName(JobSpec job) {
        return job.codec().nestedClass("Payload");
    }

    private static void collectRecords(PayloadType type, Map<String, RecordType> records) {
        if (type instanceof RecordType record) {
            if (records.putIfAbsent(record.type().canonicalName(), record) == null) {
                record.components().forEach(component -> collectRecords(component.type(), records));
            }
        } else if (type instanceof Container container) {
            collectRecords(container.element(), records);
        }
    }

    /** {@code Address} for {@code com.acme.Address}; a second {@code Address} from another package gets {@code Address2}. */
    private static Map<String, String> recordMethodNames(Map<String, RecordType> records) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (RecordType record : records.values()) {
            String base = GeneratedNames.flatName(record.type());
            String name = base;
            for (int suffix = 2; !used.add(name); suffix++) {
                name = base + suffix;
            }
            names.put(record.type().canonicalName(), name);
        }
        return names;
    }

    private static String freeName(String name, Set<String> taken) {
        String candidate = name;
        while (taken.contains(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }
}
