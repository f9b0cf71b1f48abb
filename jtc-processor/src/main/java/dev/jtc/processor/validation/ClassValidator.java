package dev.jtc.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.OwnerDeclaration;
import dev.jtc.processor.naming.GeneratedNames;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules a {@code @Job} class or a class with scheduled methods must meet on its own, checked
 * in the compilation that compiles it (which may hold no application): every rule of DESIGN.md's
 * "What the processor guarantees" that needs nothing but the class. Each problem is reported on
 * the exact element, annotation and value; nothing stops at the first.
 */
public final class ClassValidator {

    private final Elements elements;
    private final Types types;
    private final Predicate<Element> fromSource;

    /** @param fromSource whether an element was compiled from source in this compilation */
    public ClassValidator(Elements elements, Types types, Predicate<Element> fromSource) {
        this.elements = elements;
        this.types = types;
        this.fromSource = fromSource;
    }

    /**
     * @param sourceTypes the compilation's top-level classes so far, whose names the job's codec must not take
     * @param finalRound whether a type that does not resolve is an error; before the final round,
     *     another processor may still generate it, and the report waits for it ({@link Report#waitingFor()})
     */
    public Report job(JobDeclaration job, Set<String> sourceTypes, boolean finalRound) {
        Report report = new Report();
        new InjectionRules(elements, report).checkInjectable(job.type(), job.annotation(), "@Job class " + job.qualifiedName());
        new JobRules(elements, report, new AttributeRules(report), fromSource, finalRound).check(job);
        new LimitRules(elements, report).check(job);
        new MiddlewareRules(elements, types, report).checkList(job.middleware(),
                new MiddlewareRules.Listing(job.type(), job.annotation(), "@Job", job.qualifiedName()), null, finalRound,
                job.qualifiedName());
        companionName(report, job.type(), job.annotation(), GeneratedNames.codec(ClassName.get(job.type())), sourceTypes,
                "@Job class " + job.qualifiedName());
        return report;
    }

    /** A class with {@code @WithoutOverlapping} but without {@code @Job}, where it means nothing. */
    public Report withoutOverlappingOutsideJob(TypeElement type, AnnotationMirror overlap) {
        Report report = new Report();
        new LimitRules(elements, report).checkNotAJob(type, overlap);
        return report;
    }

    public Report owner(OwnerDeclaration owner, Set<String> sourceTypes) {
        Report report = new Report();
        String description = owner.qualifiedName() + " (it has scheduled methods)";
        if (!Mirrors.has(owner.type(), AnnotationNames.JOB)) {
            // A job's own check already covers a job that also owns tasks.
            new InjectionRules(elements, report).checkInjectable(owner.type(), null, description);
        }
        new TaskRules(report, new AttributeRules(report)).check(owner);
        companionName(report, owner.type(), null, GeneratedNames.schedule(ClassName.get(owner.type())), sourceTypes, description);
        return report;
    }

    /** The class jtc writes beside {@code type} must not be one the compilation already has. */
    private static void companionName(Report report, TypeElement type, AnnotationMirror annotation, ClassName companion,
            Set<String> sourceTypes, String description) {
        if (sourceTypes.contains(companion.canonicalName())) {
            report.errorOnAnnotation(Message.COMPANION_NAME_TAKEN, type, annotation, companion.canonicalName(), description,
                    companion.canonicalName());
        }
    }
}
