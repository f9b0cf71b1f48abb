package dev.jtc.processor.validation;

import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.JobDeclaration.Handle;
import dev.jtc.processor.model.JobDeclaration.Overlap;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.PayloadType;
import dev.jtc.processor.model.PayloadTypeReader;
import dev.jtc.processor.model.RateLimit;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The rules of a job's limits: {@code maxConcurrency} not negative, a {@code rateLimit} of the form
 * {@code <count>/<duration>}, and keys ({@code limitKey}, {@code @WithoutOverlapping(key = ...)})
 * that name a payload parameter of {@code handle} with one plain value (a string, number, enum,
 * ...), since the worker keys the limit by that value as the payload's JSON holds it. A
 * {@code limitKey} must key a limit, and {@code @WithoutOverlapping} belongs on a job.
 */
final class LimitRules {

    private final Elements elements;
    private final Report report;

    LimitRules(Elements elements, Report report) {
        this.elements = elements;
        this.report = report;
    }

    void check(JobDeclaration job) {
        TypeElement type = job.type();
        AnnotationMirror annotation = job.annotation();
        String owner = "@Job class " + job.qualifiedName();
        if (job.maxConcurrency().value() < 0) {
            report.error(Message.INVALID_MAX_CONCURRENCY, type, annotation, job.maxConcurrency(), job.maxConcurrency().value(), owner);
        }
        String rate = job.rateLimit().value();
        if (!rate.isEmpty()) {
            RateLimit.Check check = RateLimit.check(rate);
            if (!check.isValid()) {
                report.error(Message.INVALID_RATE_LIMIT, type, annotation, job.rateLimit(), rate, owner, check.error());
            }
        }
        String limitKey = job.limitKey().value();
        if (!limitKey.isEmpty()) {
            if (job.maxConcurrency().value() <= 0 && rate.isEmpty()) {
                report.error(Message.LIMIT_KEY_WITHOUT_LIMIT, type, annotation, job.limitKey(), limitKey, owner);
            } else {
                checkKey(job, "limitKey = \"" + limitKey + "\"", job.limitKey(), annotation, owner);
            }
        }
        if (job.overlap().isPresent()) {
            Overlap overlap = job.overlap().get();
            if (!overlap.key().value().isEmpty()) {
                checkKey(job, "@WithoutOverlapping(key = \"" + overlap.key().value() + "\")", overlap.key(), overlap.annotation(),
                        owner);
            }
        }
    }

    /** {@code @WithoutOverlapping} on a class that is not a {@code @Job}. */
    void checkNotAJob(TypeElement type, AnnotationMirror overlap) {
        report.errorOnAnnotation(Message.OVERLAP_WITHOUT_JOB, type, overlap, type.getQualifiedName(), type.getSimpleName());
    }

    /** A key names a payload parameter of the one {@code handle} (if there are several or none, that is reported on its own). */
    private void checkKey(JobDeclaration job, String written, Attribute<String> key, AnnotationMirror annotation, String owner) {
        if (job.handles().size() != 1) {
            return;
        }
        Handle handle = job.handles().get(0);
        List<? extends VariableElement> parameters = handle.method().getParameters();
        List<String> payload = new ArrayList<>();
        boolean namesContext = false;
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i).getSimpleName().toString();
            TypeMirror parameterType = handle.parameterTypes().get(i);
            if (Mirrors.isJobContext(parameterType)) {
                namesContext |= name.equals(key.value());
                continue;
            }
            if (name.equals(key.value())) {
                checkKeyType(job, written, key, annotation, owner, name, parameterType);
                return;
            }
            payload.add("\"" + name + "\"");
        }
        String context = namesContext ? " ('" + key.value() + "' is its JobContext, which is not in the payload)" : "";
        String fix = payload.isEmpty() ? "it takes none; remove the key, or add the parameter to handle"
                : "write one of " + String.join(", ", payload);
        report.error(Message.UNKNOWN_LIMIT_KEY, job.type(), annotation, key, written, owner, context, fix);
    }

    private void checkKeyType(JobDeclaration job, String written, Attribute<String> key, AnnotationMirror annotation, String owner,
            String parameter, TypeMirror type) {
        String ownPackage = elements.getPackageOf(job.type()).getQualifiedName().toString();
        PayloadTypeReader.Result result = new PayloadTypeReader(elements, ownPackage).read(type);
        if (!result.supported()) {
            return; // reported as a payload problem, or waited for
        }
        PayloadType payloadType = result.type();
        boolean plain = payloadType instanceof PayloadType.EnumType
                || (payloadType instanceof PayloadType.Scalar scalar && !scalar.kind().isArray());
        if (!plain) {
            report.error(Message.LIMIT_KEY_NOT_SCALAR, job.type(), annotation, key, written, owner, parameter, type);
        }
    }
}
