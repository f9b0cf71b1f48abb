package dev.jtc.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.List;
import javax.annotation.processing.Filer;

/** What every generated file shares: the {@code @Generated} marker, the layout, and writing through the {@link Filer}. */
final class SourceFiles {

    static final ClassName PAYLOAD_WRITER = ClassName.get("dev.jtc.runtime.codec", "PayloadWriter");
    static final ClassName PAYLOAD_READER = ClassName.get("dev.jtc.runtime.codec", "PayloadReader");
    static final ClassName PAYLOAD_EXCEPTION = ClassName.get("dev.jtc.runtime", "PayloadException");
    static final ClassName JOB_TYPE = ClassName.get("dev.jtc.runtime", "JobType");
    static final ClassName JOB_LIMITS = ClassName.get("dev.jtc.runtime", "JobLimits");
    static final ClassName MIDDLEWARE = ClassName.get("dev.jtc.runtime", "Middleware");
    static final ClassName TYPED_JOB = ClassName.get("dev.jtc.runtime", "TypedJob");
    static final ClassName JOB_HANDLE = ClassName.get("dev.jtc.runtime", "JobHandle");
    static final ClassName JOB_CONTEXT = ClassName.get("dev.jtc.runtime", "JobContext");
    static final ClassName JOB_RUNNER = ClassName.get("dev.jtc.runtime", "JobRunner");
    static final ClassName DISPATCHER = ClassName.get("dev.jtc.runtime", "Dispatcher");
    static final ClassName DISPATCH_OPTIONS = ClassName.get("dev.jtc.runtime", "DispatchOptions");
    static final ClassName SETTINGS = ClassName.get("dev.jtc.runtime", "Settings");
    static final ClassName SCHEDULED_TASK = ClassName.get("dev.jtc.runtime", "ScheduledTask");
    static final ClassName UNKNOWN_JOB = ClassName.get("dev.jtc.runtime", "UnknownJobException");
    static final ClassName APP_DEFINITION = ClassName.get("dev.jtc.runtime", "AppDefinition");
    static final ClassName COMMAND_LINE = ClassName.get("dev.jtc.runtime.cli", "JtcCommandLine");
    static final ClassName TABLES = ClassName.get("dev.jtc.runtime", "Tables");
    static final ClassName MISSED_TICKS = ClassName.get("dev.jtc", "MissedTicks");
    static final ClassName INJECT = ClassName.get("jakarta.inject", "Inject");
    static final ClassName SINGLETON = ClassName.get("jakarta.inject", "Singleton");
    static final ClassName COMPONENT = ClassName.get("dagger", "Component");
    static final ClassName BINDS_INSTANCE = ClassName.get("dagger", "BindsInstance");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName DURATION = ClassName.get("java.time", "Duration");
    static final ClassName CLOCK = ClassName.get("java.time", "Clock");
    static final ClassName ZONE_ID = ClassName.get("java.time", "ZoneId");
    static final ClassName ZONE_OFFSET = ClassName.get("java.time", "ZoneOffset");

    /** {@code @Generated("dev.jtc.processor.JtcProcessor")}, with no date, so builds are reproducible. */
    static final AnnotationSpec GENERATED = AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
            .addMember("value", "$S", "dev.jtc.processor.JtcProcessor")
            .build();

    private SourceFiles() {
    }

    /**
     * Adds {@code @SuppressWarnings} for {@code warnings} ({@code deprecation}, {@code removal}) to a
     * class that names deprecated user code; nothing when the list is empty.
     */
    static TypeSpec.Builder suppress(TypeSpec.Builder type, List<String> warnings) {
        if (!warnings.isEmpty()) {
            List<CodeBlock> values = warnings.stream().map(warning -> CodeBlock.of("$S", warning)).toList();
            // One member, so that JavaPoet keeps it on one line: @SuppressWarnings({"deprecation", "removal"}).
            CodeBlock value = values.size() == 1 ? values.get(0) : CodeBlock.of("{$L}", CodeBlock.join(values, ", "));
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", value).build());
        }
        return type;
    }

    /** The largest whole unit: {@code Duration.ofMinutes(90)} rather than {@code Duration.ofSeconds(5400)}. */
    static CodeBlock durationCode(Duration duration) {
        if (duration.toNanosPart() % 1_000_000 != 0) {
            return CodeBlock.of("$T.ofNanos($LL)", DURATION, duration.toNanos());
        }
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return CodeBlock.of("$T.ofMillis($L)", DURATION, millis);
        }
        long seconds = duration.getSeconds();
        if (seconds % 86_400 == 0) {
            return CodeBlock.of("$T.ofDays($L)", DURATION, seconds / 86_400);
        }
        if (seconds % 3600 == 0) {
            return CodeBlock.of("$T.ofHours($L)", DURATION, seconds / 3600);
        }
        if (seconds % 60 == 0) {
            return CodeBlock.of("$T.ofMinutes($L)", DURATION, seconds / 60);
        }
        return CodeBlock.of("$T.ofSeconds($L)", DURATION, seconds);
    }

    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type)
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    static void write(Filer filer, JavaFile file) {
        try {
            file.writeTo(filer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file.packageName() + "." + file.typeSpec().name(), e);
        }
    }
}
