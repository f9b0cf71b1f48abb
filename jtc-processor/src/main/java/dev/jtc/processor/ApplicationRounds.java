package dev.jtc.processor;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.CompilationFiles;
import dev.jtc.processor.model.ContributionReader;
import dev.jtc.processor.model.Contributions;
import dev.jtc.processor.model.ModelReader;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.naming.GeneratedNames.MarkerKind;
import dev.jtc.processor.validation.ApplicationValidator;
import dev.jtc.processor.validation.Diagnostic;
import dev.jtc.processor.validation.Message;
import dev.jtc.processor.validation.Report;
import dev.jtc.processor.writing.ApplicationSpecs;
import dev.jtc.processor.writing.SourceWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * {@link JtcApplicationProcessor}'s work across rounds. It waits until every job and task compiled
 * now has its marker (written by {@link JtcProcessor} in the round after the class arrives), then,
 * in that round and never in the final one (so Dagger still processes the component), builds the
 * application from all contributions: this compilation's and the class path's.
 *
 * <p>Three kinds of compilation:
 * <ul>
 *   <li>it holds the {@code @JtcApplication}: write the aggregates, and the application's marker;
 *   <li>it holds only jobs and tasks, and the module's class output holds the application from an
 *       earlier build (an IDE or a build tool recompiling only what changed): write the aggregates
 *       again, so they include every job, the changed ones as they are now;
 *   <li>it holds only jobs and tasks of a library: check their names among themselves; the
 *       application's compilation checks the rest.
 * </ul>
 */
final class ApplicationRounds {

    private final Elements elements;
    private final Diagnostics diagnostics;
    private final CompilationFiles files;
    private final ModelReader reader;
    private final ContributionReader contributionReader;
    private final ApplicationValidator validator;
    private final ApplicationSpecs specs;
    private final SourceWriter writer;

    private final Set<String> applicationNames = new TreeSet<>();
    private final Set<String> expectedMarkers = new TreeSet<>();
    private final Set<String> sourceTypes = new HashSet<>();
    private boolean done;

    ApplicationRounds(ProcessingEnvironment environment, Diagnostics diagnostics) {
        this.elements = environment.getElementUtils();
        this.diagnostics = diagnostics;
        this.files = new CompilationFiles(environment);
        this.reader = new ModelReader(elements, environment.getTypeUtils());
        this.contributionReader = new ContributionReader(elements, files);
        this.validator = new ApplicationValidator(elements, environment.getTypeUtils(), files::fromSource);
        this.specs = new ApplicationSpecs(elements, files::sourceRelativeToClassOutput);
        this.writer = new SourceWriter(environment.getFiler());
    }

    void process(RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                sourceTypes.add(type.getQualifiedName().toString());
            }
        }
        collectApplications(round);
        List<Element> arrivals = collectJobsAndOwners(round);
        if (done) {
            arrivals.forEach(element -> diagnostics.error(Message.LATE_ELEMENT, element, element));
            return;
        }
        boolean finalRound = round.processingOver();
        if (!arrivals.isEmpty() || !markersArrived()) {
            // Their markers come in a later round; a class with errors never gets one, and the
            // per-class processor has said why.
            return;
        }
        finish(finalRound);
    }

    private void finish(boolean finalRound) {
        List<ApplicationDeclaration> applications = new ArrayList<>();
        for (String name : applicationNames) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                reader.application(type).ifPresent(applications::add);
            }
        }
        Contributions contributions = contributionReader.read(expectedMarkers);
        if (applications.isEmpty()) {
            finishWithoutApplication(contributions, finalRound);
            return;
        }
        Report report = validator.validate(applications, contributions, userTypes(), finalRound);
        if (!report.waitingFor().isEmpty() && !finalRound && !report.hasErrors()) {
            return; // a module another processor may still generate
        }
        done = true;
        printLeftovers(contributions, applications.get(0));
        print(report);
        if (!report.hasErrors() && !finalRound && applications.size() == 1) {
            ApplicationDeclaration application = applications.get(0);
            writer.writeApplication(specs.application(application, contributions), application.type());
        }
    }

    /**
     * A compilation of jobs and tasks alone: their names are checked among themselves, and if the
     * application was compiled into this class output before, its aggregates are written again.
     */
    private void finishWithoutApplication(Contributions all, boolean finalRound) {
        if (expectedMarkers.isEmpty() || finalRound) {
            return;
        }
        done = true;
        Contributions own = new Contributions(
                all.jobs().stream().filter(job -> expectedMarkers.contains(job.marker().getQualifiedName().toString())).toList(),
                all.owners().stream().filter(owner -> expectedMarkers.contains(owner.marker().getQualifiedName().toString())).toList(),
                List.of(), List.of());
        Report ownReport = validator.validate(List.of(), own, userTypes(), false);
        print(ownReport);
        if (ownReport.hasErrors()) {
            return;
        }
        Optional<ApplicationDeclaration> earlier = applicationInClassOutput(all);
        if (earlier.isEmpty()) {
            return;
        }
        Report report = validator.validate(List.of(earlier.get()), all, userTypes(), false);
        printLeftovers(all, earlier.get());
        print(report);
        if (!report.hasErrors() && report.waitingFor().isEmpty()) {
            writer.writeApplication(specs.application(earlier.get(), all), null);
        }
    }

    /**
     * The application an earlier build compiled into this very class output, unless this
     * compilation holds some of its generated classes as sources (then they are compiled as they are).
     */
    private Optional<ApplicationDeclaration> applicationInClassOutput(Contributions contributions) {
        List<Contributions.Application> candidates = contributions.applications().stream()
                .filter(application -> !files.fromSource(application.marker()) && files.inClassOutput(application.marker()))
                .toList();
        if (candidates.size() != 1) {
            return Optional.empty();
        }
        Optional<ApplicationDeclaration> application = reader.application(candidates.get(0).application());
        if (application.isEmpty()) {
            return Optional.empty();
        }
        GeneratedNames names = specs.names(application.get());
        for (ClassName generated : List.of(names.jobs(), names.jobRunner(), names.scheduleRegistry(), names.component(),
                names.worker())) {
            if (sourceTypes.contains(generated.canonicalName())) {
                return Optional.empty();
            }
        }
        return application;
    }

    /** Whether every job and task compiled now has its marker, generated in this compilation. */
    private boolean markersArrived() {
        for (String marker : expectedMarkers) {
            TypeElement type = elements.getTypeElement(marker);
            if (type == null || !files.fromSource(type)) {
                return false;
            }
        }
        return true;
    }

    private void collectApplications(RoundEnvironment round) {
        TypeElement annotation = elements.getTypeElement(AnnotationNames.APPLICATION);
        if (annotation == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            if (element instanceof TypeElement type && files.fromSource(type)) {
                applicationNames.add(type.getQualifiedName().toString());
            }
        }
    }

    /** Remembers the markers to wait for; returns the jobs and task-owning classes new in this round. */
    private List<Element> collectJobsAndOwners(RoundEnvironment round) {
        List<Element> arrivals = new ArrayList<>();
        for (String annotationName : List.of(AnnotationNames.JOB, AnnotationNames.CRON, AnnotationNames.EVERY)) {
            TypeElement annotation = elements.getTypeElement(annotationName);
            if (annotation == null) {
                continue;
            }
            boolean job = annotationName.equals(AnnotationNames.JOB);
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Element enclosing = job ? element : element.getEnclosingElement();
                if (!(enclosing instanceof TypeElement type) || type.getQualifiedName().isEmpty() || !files.fromSource(element)) {
                    continue;
                }
                String marker = GeneratedNames.marker(ClassName.get(type), job ? MarkerKind.JOB : MarkerKind.TASKS).canonicalName();
                if (expectedMarkers.add(marker)) {
                    arrivals.add(element);
                }
            }
        }
        return arrivals;
    }

    private Set<String> userTypes() {
        Set<String> types = new HashSet<>(sourceTypes);
        types.removeIf(name -> name.startsWith(AnnotationNames.CONTRIBUTIONS_PACKAGE + "."));
        return types;
    }

    private void printLeftovers(Contributions contributions, ApplicationDeclaration application) {
        for (Contributions.Leftover leftover : contributions.leftovers()) {
            diagnostics.print(new Diagnostic(Kind.NOTE, Message.LEFTOVER, Message.LEFTOVER.format(leftover.subject(), leftover.reason()),
                    application.type(), application.annotation(), null));
        }
    }

    private void print(Report report) {
        for (Diagnostic diagnostic : report.diagnostics()) {
            diagnostics.print(diagnostic);
        }
    }
}
