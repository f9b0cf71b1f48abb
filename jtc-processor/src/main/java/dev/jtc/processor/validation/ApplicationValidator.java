package dev.jtc.processor.validation;

import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.Contributions;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.PayloadTypeReader;
import dev.jtc.processor.validation.NameRules.Claim;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of the whole application, checked where it is assembled: the {@code @JtcApplication}
 * itself, and the contributions of every job and task, from this compilation, an earlier build
 * and dependency jars. Unique names, method names that do not clash, classes the generated
 * package can reach, and middleware (the application's, and every job's as its contribution
 * names it) that the generated dispatch table can make.
 *
 * <p>A class that came from a class file has no position javac could show, so its problems are
 * reported on the {@code @JtcApplication}, with the class named in the text.
 */
public final class ApplicationValidator {

    /**
     * The most jobs one application may have: {@code <App>Jobs} lists every job's type (about five
     * class-file constants each) beside the methods of up to a thousand jobs (about 17 each), and a
     * class has room for 65,535. Measured in {@code jtc-bench}'s compile benchmark.
     */
    public static final int MAX_JOBS = 8_000;

    /**
     * The most jobs and tasks together: Dagger's implementation of the component makes each one and
     * takes about four constants for it, in one class.
     */
    public static final int MAX_JOBS_AND_TASKS = 12_000;

    private final Elements elements;
    private final Types types;
    private final Mirrors mirrors;
    private final Predicate<Element> fromSource;

    public ApplicationValidator(Elements elements, Types types, Predicate<Element> fromSource) {
        this.elements = elements;
        this.types = types;
        this.mirrors = new Mirrors(elements);
        this.fromSource = fromSource;
    }

    /**
     * @param applications the {@code @JtcApplication} classes of this compilation, or the one found
     *     in the class output; empty when the compilation is a library's, and then only the
     *     contributions among themselves are checked
     * @param sourceTypes the compilation's top-level classes so far, whose names the generated classes must not take
     * @param finalRound whether a module that does not resolve is an error rather than something to wait for
     */
    public Report validate(List<ApplicationDeclaration> applications, Contributions contributions, Set<String> sourceTypes,
            boolean finalRound) {
        ApplicationDeclaration application = applications.isEmpty() ? null : applications.get(0);
        Report report = application == null ? new Report()
                : new Report(fromSource, application.type(), application.annotation());
        if (application != null) {
            new ApplicationRules(elements, report, finalRound).check(applications, sourceTypes);
        }
        List<Claim> claims = new ArrayList<>();
        for (Contributions.Job job : contributions.jobs()) {
            checkMatchesCodec(report, job);
            AnnotationMirror annotation = Mirrors.find(job.job(), AnnotationNames.JOB).orElse(null);
            claims.add(new Claim(job.wireName(), "@Job class " + job.job().getQualifiedName(), job.job(), annotation,
                    explicitName(annotation), "@Job(name = \"...\")"));
        }
        for (Contributions.Owner owner : contributions.owners()) {
            for (int i = 0; i < owner.tasks().size(); i++) {
                Optional<ScheduledMethod> method = scheduledMethod(owner.owner(), owner.runners().get(i));
                if (method.isEmpty() || !hasMethod(owner.schedule(), owner.runners().get(i))) {
                    report.error(Message.STALE_CONTRIBUTION, owner.owner(), owner.owner().getQualifiedName(),
                            owner.schedule().getSimpleName(), "no task " + owner.tasks().get(i));
                    continue;
                }
                ScheduledMethod scheduled = method.get();
                claims.add(new Claim(owner.tasks().get(i), scheduled.kind() + " method " + owner.owner().getQualifiedName() + "."
                        + owner.runners().get(i) + "()", scheduled.method(), scheduled.annotation(), explicitName(scheduled.annotation()),
                        scheduled.kind() + "(name = \"...\")"));
            }
        }
        new NameRules(report, application == null ? "" : application.type().getSimpleName().toString()).check(claims);
        if (application != null) {
            checkApplicationWide(report, application, contributions, finalRound);
        }
        return report;
    }

    private void checkApplicationWide(Report report, ApplicationDeclaration application, Contributions contributions,
            boolean finalRound) {
        String appName = application.type().getQualifiedName().toString();
        if (contributions.jobs().isEmpty() && contributions.owners().isEmpty()) {
            report.warning(Message.NO_JOBS, application.type(), application.annotation(), null, appName);
        }
        int jobs = contributions.jobs().size();
        int entries = jobs + contributions.owners().stream().mapToInt(owner -> owner.tasks().size()).sum();
        if (jobs > MAX_JOBS) {
            report.errorOnAnnotation(Message.TOO_MANY_JOBS, application.type(), application.annotation(), appName, jobs, "jobs",
                    MAX_JOBS, "the generated " + application.type().getSimpleName() + "Jobs lists them all, and a class file has room"
                            + " for 65,535 constants");
        } else if (entries > MAX_JOBS_AND_TASKS) {
            report.errorOnAnnotation(Message.TOO_MANY_JOBS, application.type(), application.annotation(), appName, entries,
                    "jobs and tasks", MAX_JOBS_AND_TASKS, "Dagger's generated component makes each of them in one class, which has"
                            + " room for 65,535 constants");
        }
        String target = targetPackage(application);
        MiddlewareRules middlewareRules = new MiddlewareRules(elements, types, report);
        List<TypeElement> middleware = new ArrayList<>(middlewareRules.checkList(application.middleware(),
                new MiddlewareRules.Listing(application.type(), application.annotation(), "@JtcApplication", appName), target,
                finalRound, Report.APPLICATION));
        if (target == null) {
            return;
        }
        InjectionRules injection = new InjectionRules(elements, report);
        String dispatcherClass = (target.isEmpty() ? "" : target + ".") + application.type().getSimpleName() + "Jobs";
        BindingRules bindings = new BindingRules(elements, types, report, application, dispatcherClass);
        for (Contributions.Job job : contributions.jobs()) {
            AnnotationMirror annotation = Mirrors.find(job.job(), AnnotationNames.JOB).orElse(null);
            String description = "@Job class " + job.job().getQualifiedName();
            injection.checkVisibleFrom(target, job.job(), annotation, description);
            checkPayloadVisible(report, job, annotation, target);
            bindings.check(job.job(), annotation, description);
            middleware.addAll(checkJobMiddleware(report, middlewareRules, job, annotation, target));
        }
        Set<String> bound = new HashSet<>();
        for (TypeElement used : middleware) {
            if (bound.add(used.getQualifiedName().toString())) {
                bindings.check(used, null, "middleware " + used.getQualifiedName());
            }
        }
        for (Contributions.Owner owner : contributions.owners()) {
            if (!Mirrors.has(owner.owner(), AnnotationNames.JOB)) {
                String description = owner.owner().getQualifiedName() + " (it has scheduled methods)";
                injection.checkVisibleFrom(target, owner.owner(), null, description);
                bindings.check(owner.owner(), null, description);
            }
        }
    }

    /**
     * The job's own middleware, as its contribution names it (the job may come from a library):
     * each class must still exist and be middleware the generated package can make. Returns those
     * that are.
     */
    private List<TypeElement> checkJobMiddleware(Report report, MiddlewareRules rules, Contributions.Job job,
            AnnotationMirror annotation, String target) {
        List<TypeElement> passed = new ArrayList<>();
        if (job.middleware().isEmpty()) {
            return passed;
        }
        List<Attribute<TypeMirror>> written = annotation == null ? List.of() : mirrors.types(annotation, "middleware");
        String jobName = job.job().getQualifiedName().toString();
        MiddlewareRules.Listing listing = new MiddlewareRules.Listing(job.job(), annotation, "@Job", jobName);
        for (String name : job.middleware()) {
            AnnotationValue value = written.stream()
                    .filter(entry -> entry.value() != null && entry.value().getKind() == TypeKind.DECLARED
                            && ((TypeElement) ((DeclaredType) entry.value()).asElement()).getQualifiedName().contentEquals(name))
                    .map(Attribute::source)
                    .findFirst()
                    .orElse(null);
            TypeElement type = elements.getTypeElement(name);
            if (type == null) {
                report.error(Message.MIDDLEWARE_GONE, job.job(), annotation, value, jobName, name, jobName);
            } else if (rules.checkRecorded(type, value, listing, target)) {
                passed.add(type);
            }
        }
        return passed;
    }

    /** The generated dispatcher in {@code target} names every payload type in its method signatures. */
    private void checkPayloadVisible(Report report, Contributions.Job job, AnnotationMirror annotation, String target) {
        ExecutableElement encode = encode(job.codec());
        if (encode == null) {
            return;
        }
        PayloadTypeReader reader = new PayloadTypeReader(elements, target);
        List<? extends VariableElement> parameters = encode.getParameters();
        for (int i = 0; i < parameters.size(); i++) {
            TypeMirror type = parameters.get(i).asType();
            PayloadTypeReader.Result result = reader.read(type);
            String name = i < job.parameters().size() ? job.parameters().get(i) : parameters.get(i).getSimpleName().toString();
            String where = "parameter '" + name + "' of " + job.job().getQualifiedName() + ".handle(...)";
            Element parameter = payloadParameter(job.job(), i);
            if (parameter != null && result.failure() == PayloadTypeReader.Failure.NOT_VISIBLE) {
                report.error(Message.NOT_PUBLIC, parameter,
                        result.nonPublic().equals(result.problem())
                                ? result.problem() + ", in " + where + ","
                                : "class " + result.nonPublic() + ", which encloses " + result.problem() + " in " + where + ",",
                        target, "make it public");
            } else if (result.failure() == PayloadTypeReader.Failure.NOT_VISIBLE) {
                report.errorOnAnnotation(Message.NOT_PUBLIC, job.job(), annotation,
                        result.nonPublic().equals(result.problem())
                                ? result.problem() + ", in " + where + ","
                                : "class " + result.nonPublic() + ", which encloses " + result.problem() + " in " + where + ",",
                        target, "make it public");
            } else if (result.failure() == PayloadTypeReader.Failure.UNNAMED_PACKAGE) {
                if (parameter != null) {
                    report.error(Message.UNNAMED_PACKAGE, parameter, result.problem() + ", in " + where + ",", target);
                } else {
                    report.errorOnAnnotation(Message.UNNAMED_PACKAGE, job.job(), annotation, result.problem() + ", in " + where + ",", target);
                }
            }
        }
    }

    /** The {@code index}-th payload parameter of the handle the job declares itself, or null (inherited, or none). */
    private static Element payloadParameter(TypeElement job, int index) {
        for (ExecutableElement method : ElementFilter.methodsIn(job.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals("handle")) {
                List<VariableElement> payload = method.getParameters().stream()
                        .filter(parameter -> !Mirrors.isJobContext(parameter.asType()))
                        .map(parameter -> (VariableElement) parameter)
                        .toList();
                return index < payload.size() ? payload.get(index) : null;
            }
        }
        return null;
    }

    /** A contribution whose codec takes other parameters than it names was not rebuilt with its job. */
    private void checkMatchesCodec(Report report, Contributions.Job job) {
        ExecutableElement encode = encode(job.codec());
        if (encode == null || encode.getParameters().size() != job.parameters().size()) {
            report.error(Message.STALE_CONTRIBUTION, job.job(), job.job().getQualifiedName(), job.codec().getSimpleName(),
                    encode == null ? "it has no encode method"
                            : "it takes " + encode.getParameters().size() + " parameters, the contribution names " + job.parameters().size());
        }
    }

    /** The codec's {@code encode(...)}: its parameters are the payload, typed as the dispatcher's methods take them. */
    public static ExecutableElement encode(TypeElement codec) {
        for (ExecutableElement method : ElementFilter.methodsIn(codec.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals("encode")) {
                return method;
            }
        }
        return null;
    }

    private record ScheduledMethod(ExecutableElement method, AnnotationMirror annotation, String kind) {}

    private static Optional<ScheduledMethod> scheduledMethod(TypeElement owner, String name) {
        for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(name)) {
                Optional<AnnotationMirror> cron = Mirrors.find(method, AnnotationNames.CRON);
                if (cron.isPresent()) {
                    return Optional.of(new ScheduledMethod(method, cron.get(), "@Cron"));
                }
                Optional<AnnotationMirror> every = Mirrors.find(method, AnnotationNames.EVERY);
                if (every.isPresent()) {
                    return Optional.of(new ScheduledMethod(method, every.get(), "@Every"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean hasMethod(TypeElement type, String name) {
        return ElementFilter.methodsIn(type.getEnclosedElements()).stream().anyMatch(method -> method.getSimpleName().contentEquals(name));
    }

    private static AnnotationValue explicitName(AnnotationMirror annotation) {
        if (annotation == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("name")) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The package the generated classes go to, or null if it is invalid (reported on its own). */
    private String targetPackage(ApplicationDeclaration application) {
        String target = application.targetPackage(elements.getPackageOf(application.type()).getQualifiedName().toString());
        return target.isEmpty() || SourceVersion.isName(target) ? target : null;
    }
}
