package dev.jtc.processor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the contribution markers in {@value AnnotationNames#CONTRIBUTIONS_PACKAGE}: those this
 * compilation generated, and those javac finds on the class path (the module's class output from
 * an earlier build, and dependency jars).
 *
 * <p>A marker whose subject is gone is a leftover and is skipped: its class no longer exists, no
 * longer carries {@code @Job} (or any scheduled method), or, for a marker in this module's own
 * class output, the source file it was compiled from has been deleted. So a deleted job never
 * comes back, even when a build tool leaves its class files behind.
 */
public final class ContributionReader {

    private final Elements elements;
    private final CompilationFiles files;

    public ContributionReader(Elements elements, CompilationFiles files) {
        this.elements = elements;
        this.files = files;
    }

    /** @param generatedMarkers the qualified names of the markers this compilation wrote, in case the package listing misses them */
    public Contributions read(Collection<String> generatedMarkers) {
        Map<String, TypeElement> markers = new TreeMap<>();
        PackageElement contributions = elements.getPackageElement(AnnotationNames.CONTRIBUTIONS_PACKAGE);
        if (contributions != null) {
            for (TypeElement marker : ElementFilter.typesIn(contributions.getEnclosedElements())) {
                markers.put(marker.getQualifiedName().toString(), marker);
            }
        }
        for (String name : generatedMarkers) {
            TypeElement marker = elements.getTypeElement(name);
            if (marker != null) {
                markers.putIfAbsent(name, marker);
            }
        }
        List<Contributions.Job> jobs = new ArrayList<>();
        List<Contributions.Owner> owners = new ArrayList<>();
        List<Contributions.Application> applications = new ArrayList<>();
        List<Contributions.Leftover> leftovers = new ArrayList<>();
        for (TypeElement marker : markers.values()) {
            Optional<Contributions.Leftover> gone = sourceGone(marker);
            if (gone.isPresent()) {
                leftovers.add(gone.get());
                continue;
            }
            Optional<AnnotationMirror> job = Mirrors.find(marker, AnnotationNames.JOB_CONTRIBUTION);
            Optional<AnnotationMirror> owner = Mirrors.find(marker, AnnotationNames.TASK_CONTRIBUTION);
            Optional<AnnotationMirror> application = Mirrors.find(marker, AnnotationNames.APPLICATION_CONTRIBUTION);
            if (job.isPresent()) {
                job(marker, job.get(), leftovers).ifPresent(jobs::add);
            } else if (owner.isPresent()) {
                owner(marker, owner.get(), leftovers).ifPresent(owners::add);
            } else if (application.isPresent()) {
                application(marker, application.get(), leftovers).ifPresent(applications::add);
            }
        }
        return new Contributions(jobs, owners, applications, leftovers);
    }

    private Optional<Contributions.Job> job(TypeElement marker, AnnotationMirror mirror, List<Contributions.Leftover> leftovers) {
        TypeElement job = type(mirror, "job");
        TypeElement codec = type(mirror, "codec");
        if (job == null || codec == null) {
            leftovers.add(new Contributions.Leftover(subject(marker), "it names a class that no longer exists"));
            return Optional.empty();
        }
        if (!Mirrors.has(job, AnnotationNames.JOB)) {
            leftovers.add(new Contributions.Leftover(job.getQualifiedName().toString(), "it is no longer annotated @Job"));
            return Optional.empty();
        }
        return Optional.of(new Contributions.Job(marker, job, codec, string(mirror, "name"), strings(mirror, "parameters"),
                strings(mirror, "middleware")));
    }

    private Optional<Contributions.Owner> owner(TypeElement marker, AnnotationMirror mirror, List<Contributions.Leftover> leftovers) {
        TypeElement owner = type(mirror, "owner");
        TypeElement schedule = type(mirror, "schedule");
        if (owner == null || schedule == null) {
            leftovers.add(new Contributions.Leftover(subject(marker), "it names a class that no longer exists"));
            return Optional.empty();
        }
        boolean scheduled = ElementFilter.methodsIn(owner.getEnclosedElements()).stream()
                .anyMatch(method -> Mirrors.has(method, AnnotationNames.CRON) || Mirrors.has(method, AnnotationNames.EVERY));
        if (!scheduled) {
            leftovers.add(new Contributions.Leftover(owner.getQualifiedName().toString(), "it no longer has @Cron or @Every methods"));
            return Optional.empty();
        }
        List<String> tasks = strings(mirror, "tasks");
        List<String> runners = strings(mirror, "runners");
        if (tasks.size() != runners.size()) {
            leftovers.add(new Contributions.Leftover(marker.getQualifiedName().toString(), "its marker is malformed"));
            return Optional.empty();
        }
        return Optional.of(new Contributions.Owner(marker, owner, schedule, tasks, runners));
    }

    private Optional<Contributions.Application> application(TypeElement marker, AnnotationMirror mirror, List<Contributions.Leftover> leftovers) {
        TypeElement application = type(mirror, "application");
        if (application == null || !Mirrors.has(application, AnnotationNames.APPLICATION)) {
            leftovers.add(new Contributions.Leftover(subject(marker), "it names an application that no longer exists"));
            return Optional.empty();
        }
        return Optional.of(new Contributions.Application(marker, application));
    }

    /** Why a marker of an earlier build of this module is a leftover: the source it was compiled from is gone. */
    private Optional<Contributions.Leftover> sourceGone(TypeElement marker) {
        if (files.fromSource(marker) || !files.inClassOutput(marker)) {
            return Optional.empty();
        }
        String source = "";
        for (String annotation : List.of(AnnotationNames.JOB_CONTRIBUTION, AnnotationNames.TASK_CONTRIBUTION,
                AnnotationNames.APPLICATION_CONTRIBUTION)) {
            Optional<AnnotationMirror> mirror = Mirrors.find(marker, annotation);
            if (mirror.isPresent()) {
                source = string(mirror.get(), "source");
            }
        }
        return files.sourceExists(source) ? Optional.empty()
                : Optional.of(new Contributions.Leftover(subject(marker), "it was compiled from " + source + ", which no longer exists"));
    }

    /** What a marker describes, for messages: the job, owner or application it names. */
    private static String subject(TypeElement marker) {
        for (String annotation : List.of(AnnotationNames.JOB_CONTRIBUTION, AnnotationNames.TASK_CONTRIBUTION,
                AnnotationNames.APPLICATION_CONTRIBUTION)) {
            Optional<AnnotationMirror> mirror = Mirrors.find(marker, annotation);
            for (String attribute : List.of("job", "owner", "application")) {
                if (mirror.isPresent() && !string(mirror.get(), attribute).isEmpty()) {
                    return string(mirror.get(), attribute);
                }
            }
        }
        return marker.getQualifiedName().toString();
    }

    private static AnnotationValue value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A class named by a string attribute; null when it does not resolve (any more). */
    private TypeElement type(AnnotationMirror mirror, String name) {
        String canonicalName = string(mirror, name);
        return canonicalName.isEmpty() ? null : elements.getTypeElement(canonicalName);
    }

    private static String string(AnnotationMirror mirror, String name) {
        AnnotationValue value = value(mirror, name);
        return value != null && value.getValue() instanceof String text ? text : "";
    }

    private static List<String> strings(AnnotationMirror mirror, String name) {
        AnnotationValue value = value(mirror, name);
        List<String> strings = new ArrayList<>();
        if (value != null && value.getValue() instanceof List<?> entries) {
            for (Object entry : entries) {
                strings.add(String.valueOf(((AnnotationValue) entry).getValue()));
            }
        }
        return strings;
    }
}
