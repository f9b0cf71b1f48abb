package dev.jtc.processor.validation;

import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.PayloadTypeReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The rules of a {@code @Job} class beyond injection: one usable {@code handle} method whose
 * parameters can travel as JSON (and a warning if it returns a value, which goes nowhere), and
 * valid attributes (name, queue, retries, timeout, backoff).
 */
final class JobRules {

    private final Elements elements;
    private final Report report;
    private final AttributeRules attributes;
    private final String targetPackage;
    private final boolean finalRound;

    /**
     * @param finalRound whether no later round can bring the types that do not resolve yet, so
     *     that they are errors rather than something to wait for
     */
    JobRules(Elements elements, Report report, AttributeRules attributes, String targetPackage, boolean finalRound) {
        this.elements = elements;
        this.report = report;
        this.attributes = attributes;
        this.targetPackage = targetPackage;
        this.finalRound = finalRound;
    }

    void check(List<JobDeclaration> jobs) {
        for (JobDeclaration job : jobs) {
            checkHandle(job);
            checkAttributes(job);
        }
    }

    private void checkHandle(JobDeclaration job) {
        List<ExecutableElement> handles = job.handleMethods();
        if (handles.isEmpty()) {
            report.errorOnAnnotation(Message.HANDLE_MISSING, job.type(), job.annotation(), job.qualifiedName());
            return;
        }
        if (handles.size() > 1) {
            report.error(Message.HANDLE_OVERLOADED, handles.get(1), job.qualifiedName(), handles.size());
            return;
        }
        ExecutableElement handle = handles.get(0);
        String wrongModifiers = CalledMethods.forbiddenModifiers(handle);
        if (!wrongModifiers.isEmpty()) {
            report.error(Message.HANDLE_MODIFIERS, handle, job.qualifiedName(), wrongModifiers);
            return;
        }
        if (CalledMethods.needsPublic(elements, handle, job.type(), targetPackage)) {
            report.error(Message.NOT_PUBLIC, handle, job.qualifiedName() + ".handle(...)", targetPackage, "make handle public");
        }
        checkResult(job, handle);
        checkParameters(job, handle);
    }

    /**
     * The generated runner calls {@code handle} as a statement: a value it returns goes nowhere,
     * and a future it returns is not waited for, so the job is done (and succeeded) before its work.
     */
    private void checkResult(JobDeclaration job, ExecutableElement handle) {
        TypeMirror result = handle.getReturnType();
        if (result.getKind() == TypeKind.VOID || Suppressions.suppressed(handle, Message.HANDLE_RESULT)) {
            return;
        }
        if (isAsynchronous(result)) {
            report.warning(Message.HANDLE_RESULT, handle, job.qualifiedName(), result,
                    "which jtc neither waits for nor checks: the job counts as done, and a failure of that work as a"
                            + " success, as soon as handle returns",
                    "wait for it inside handle (join() or get()) and declare handle void");
        } else {
            report.warning(Message.HANDLE_RESULT, handle, job.qualifiedName(), result,
                    "which jtc discards: a job's result is neither stored nor passed on", "declare handle void");
        }
    }

    /** Whether {@code type} is a {@code Future} or {@code CompletionStage}, whose work may still be running. */
    private static boolean isAsynchronous(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.util.concurrent.Future") || name.equals("java.util.concurrent.CompletionStage")) {
            return true;
        }
        if (isAsynchronous(element.getSuperclass())) {
            return true;
        }
        for (TypeMirror implemented : element.getInterfaces()) {
            if (isAsynchronous(implemented)) {
                return true;
            }
        }
        return false;
    }

    private void checkParameters(JobDeclaration job, ExecutableElement handle) {
        PayloadTypeReader payloadTypes = new PayloadTypeReader(elements, targetPackage);
        int contexts = 0;
        for (VariableElement parameter : handle.getParameters()) {
            if (Mirrors.isJobContext(parameter.asType())) {
                contexts++;
                if (contexts == 2) {
                    report.error(Message.INVALID_PARAMETERS, parameter, job.qualifiedName() + ".handle",
                            CalledMethods.parameterList(handle),
                            "a handle method declares JobContext at most once; remove the second");
                }
                continue;
            }
            PayloadTypeReader.Result result = payloadTypes.read(parameter.asType());
            if (!result.supported()) {
                reportPayloadProblem(job, parameter, result);
            }
        }
    }

    private void reportPayloadProblem(JobDeclaration job, VariableElement parameter, PayloadTypeReader.Result result) {
        String where = "parameter '" + parameter.getSimpleName() + "' of " + job.qualifiedName() + ".handle(...)";
        switch (result.failure()) {
            case NOT_VISIBLE -> report.error(Message.NOT_PUBLIC, parameter,
                    result.nonPublic().equals(result.problem())
                            ? result.problem() + ", in " + where + ","
                            : "class " + result.nonPublic() + ", which encloses " + result.problem() + " in " + where + ",",
                    targetPackage, "make it public");
            case UNNAMED_PACKAGE -> report.error(Message.UNNAMED_PACKAGE, parameter, result.problem() + ", in " + where + ",",
                    targetPackage);
            case UNRESOLVED -> {
                if (finalRound) {
                    report.error(Message.UNSUPPORTED_PAYLOAD_TYPE, parameter, parameter.getSimpleName(), job.qualifiedName(),
                            parameter.asType(), result.problem());
                } else {
                    // Another processor may generate the type in a later round: write this job's codec then.
                    report.waitFor(job.qualifiedName());
                }
            }
            case UNSUPPORTED -> report.error(Message.UNSUPPORTED_PAYLOAD_TYPE, parameter, parameter.getSimpleName(),
                    job.qualifiedName(), parameter.asType(), result.problem());
        }
    }

    private void checkAttributes(JobDeclaration job) {
        TypeElement type = job.type();
        String owner = "@Job class " + job.qualifiedName();
        attributes.name("job", job.wireName(), job.name(), type, job.annotation(), job.qualifiedName());
        attributes.queue(job.queue(), type, job.annotation(), owner);
        attributes.retries(job.retries(), type, job.annotation(), owner);
        attributes.optionalDuration("timeout", job.timeout(), type, job.annotation(), owner);
        Optional<Duration> base = attributes.positiveDuration("backoffBase = \"" + job.backoffBase().value() + "\"",
                job.backoffBase(), type, job.annotation(), owner);
        Optional<Duration> cap = attributes.positiveDuration("backoffCap = \"" + job.backoffCap().value() + "\"",
                job.backoffCap(), type, job.annotation(), owner);
        if (base.isPresent() && cap.isPresent() && base.get().compareTo(cap.get()) > 0) {
            report.error(Message.INVALID_BACKOFF, type, job.annotation(),
                    job.backoffBase().explicit() ? job.backoffBase() : job.backoffCap(),
                    job.backoffBase().value(), owner, job.backoffCap().value());
        }
    }
}
