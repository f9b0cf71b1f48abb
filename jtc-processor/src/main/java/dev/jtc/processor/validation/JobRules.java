package dev.jtc.processor.validation;

import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.JobDeclaration.Handle;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.PayloadTypeReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The rules of a {@code @Job} class beyond injection: one usable {@code handle} method, declared
 * or inherited, whose parameters can travel as JSON, and valid attributes (name, queue, retries,
 * timeout, backoff), and a warning if it returns a value, which goes nowhere. The job's codec sits
 * in the job's own package and calls {@code handle}, so the method need only be visible from there.
 */
final class JobRules {

    /** The names javac gives parameters of a class file compiled without {@code -parameters} or {@code -g}. */
    private static final Pattern SYNTHETIC_PARAMETER = Pattern.compile("arg\\d+");

    private final Elements elements;
    private final Report report;
    private final AttributeRules attributes;
    private final Predicate<Element> fromSource;
    private final boolean finalRound;

    /**
     * @param fromSource whether an element was compiled from source in this compilation, so its
     *     parameter names are the ones written
     * @param finalRound whether no later round can bring the types that do not resolve yet, so
     *     that they are errors rather than something to wait for
     */
    JobRules(Elements elements, Report report, AttributeRules attributes, Predicate<Element> fromSource, boolean finalRound) {
        this.elements = elements;
        this.report = report;
        this.attributes = attributes;
        this.fromSource = fromSource;
        this.finalRound = finalRound;
    }

    void check(JobDeclaration job) {
        checkHandle(job);
        checkAttributes(job);
    }

    private void checkHandle(JobDeclaration job) {
        List<Handle> handles = job.handles();
        if (handles.isEmpty()) {
            report.errorOnAnnotation(Message.HANDLE_MISSING, job.type(), job.annotation(), job.qualifiedName());
            return;
        }
        if (handles.size() > 1) {
            Element second = handles.get(1).inherited(job.type()) ? job.type() : handles.get(1).method();
            report.error(Message.HANDLE_OVERLOADED, second, job.qualifiedName(), handles.size());
            return;
        }
        Handle handle = handles.get(0);
        ExecutableElement method = handle.method();
        if (handle.inherited(job.type())) {
            if (!checkInherited(job, handle)) {
                return;
            }
        } else {
            String wrongModifiers = CalledMethods.forbiddenModifiers(method);
            if (!wrongModifiers.isEmpty()) {
                report.error(Message.HANDLE_MODIFIERS, method, job.qualifiedName(), wrongModifiers);
                return;
            }
        }
        checkResult(job, handle);
        checkParameters(job, handle);
    }

    /**
     * An inherited {@code handle} works when the codec, in the job's package, can call it, and
     * when its parameter names (the payload's field names) are known.
     */
    private boolean checkInherited(JobDeclaration job, Handle handle) {
        ExecutableElement method = handle.method();
        String from = handle.declaringClass().getQualifiedName().toString();
        if (method.getModifiers().contains(Modifier.ABSTRACT)) {
            report.errorOnAnnotation(Message.HANDLE_INHERITED, job.type(), job.annotation(), job.qualifiedName(), from,
                     ", where it is abstract: implement handle in " + job.type().getSimpleName());
            return false;
        }
        boolean samePackage = elements.getPackageOf(handle.declaringClass()).equals(elements.getPackageOf(job.type()));
        if (!method.getModifiers().contains(Modifier.PUBLIC) && !samePackage) {
            report.errorOnAnnotation(Message.HANDLE_INHERITED, job.type(), job.annotation(), job.qualifiedName(), from,
                    " in another package, where it is not public, so the job's codec cannot call it: make it public there,"
                            + " or override handle in " + job.type().getSimpleName());
            return false;
        }
        boolean namesUnknown = !fromSource.test(handle.declaringClass()) && !method.getParameters().isEmpty()
                && method.getParameters().stream().allMatch(parameter -> SYNTHETIC_PARAMETER.matcher(parameter.getSimpleName()).matches());
        if (namesUnknown) {
            report.errorOnAnnotation(Message.HANDLE_INHERITED, job.type(), job.annotation(), job.qualifiedName(), from,
                    ", whose class file has no parameter names, and the payload's fields are named after them: compile "
                            + from + " with -parameters, or override handle in " + job.type().getSimpleName());
            return false;
        }
        return true;
    }

    /**
     * The generated runner calls {@code handle} as a statement: a value it returns goes nowhere,
     * and a future it returns is not waited for, so the job is done (and succeeded) before its work.
     */
    private void checkResult(JobDeclaration job, Handle declared) {
        ExecutableElement handle = declared.method();
        // An inherited handle may sit in a class file; the job itself carries the warning then.
        Element where = declared.inherited(job.type()) ? job.type() : handle;
        TypeMirror result = handle.getReturnType();
        if (result.getKind() == TypeKind.VOID || Suppressions.suppressed(where, Message.HANDLE_RESULT)) {
            return;
        }
        if (isAsynchronous(result)) {
            report.warning(Message.HANDLE_RESULT, where, job.qualifiedName(), result,
                    "which jtc neither waits for nor checks: the job counts as done, and a failure of that work as a"
                            + " success, as soon as handle returns",
                    "wait for it inside handle (join() or get()) and declare handle void");
        } else {
            report.warning(Message.HANDLE_RESULT, where, job.qualifiedName(), result,
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

    private void checkParameters(JobDeclaration job, Handle handle) {
        String ownPackage = elements.getPackageOf(job.type()).getQualifiedName().toString();
        PayloadTypeReader payloadTypes = new PayloadTypeReader(elements, ownPackage);
        Element reportOn = handle.inherited(job.type()) ? job.type() : null;
        int contexts = 0;
        List<? extends VariableElement> parameters = handle.method().getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            VariableElement parameter = parameters.get(i);
            TypeMirror type = handle.parameterTypes().get(i);
            Element where = reportOn != null ? reportOn : parameter;
            if (Mirrors.isJobContext(type)) {
                contexts++;
                if (contexts == 2) {
                    report.error(Message.INVALID_PARAMETERS, where, job.qualifiedName() + ".handle",
                            CalledMethods.parameterList(handle.method()),
                            "a handle method declares JobContext at most once; remove the second");
                }
                continue;
            }
            PayloadTypeReader.Result result = payloadTypes.read(type);
            if (!result.supported()) {
                reportPayloadProblem(job, where, parameter, type, result, ownPackage);
            }
        }
    }

    private void reportPayloadProblem(JobDeclaration job, Element where, VariableElement parameter, TypeMirror type,
            PayloadTypeReader.Result result, String ownPackage) {
        String description = "parameter '" + parameter.getSimpleName() + "' of " + job.qualifiedName() + ".handle(...)";
        switch (result.failure()) {
            case NOT_VISIBLE -> report.error(Message.NOT_PUBLIC, where,
                    result.nonPublic().equals(result.problem())
                            ? result.problem() + ", in " + description + ","
                            : "class " + result.nonPublic() + ", which encloses " + result.problem() + " in " + description + ",",
                    ownPackage, "make it public");
            case UNNAMED_PACKAGE -> report.error(Message.UNNAMED_PACKAGE, where, result.problem() + ", in " + description + ",",
                    ownPackage);
            case UNRESOLVED -> {
                if (finalRound) {
                    report.error(Message.UNSUPPORTED_PAYLOAD_TYPE, where, parameter.getSimpleName(), job.qualifiedName(),
                            type, result.problem());
                } else {
                    // Another processor may generate the type in a later round: write this job's codec then.
                    report.waitFor(job.qualifiedName());
                }
            }
            case UNSUPPORTED -> report.error(Message.UNSUPPORTED_PAYLOAD_TYPE, where, parameter.getSimpleName(),
                    job.qualifiedName(), type, result.problem());
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
