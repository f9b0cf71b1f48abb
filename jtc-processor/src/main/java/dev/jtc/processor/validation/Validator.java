package dev.jtc.processor.validation;

import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.CompilationModel;
import javax.lang.model.SourceVersion;
import javax.lang.model.util.Elements;

/**
 * Turns a {@link CompilationModel} into a {@link Report}: every rule of DESIGN.md's "What the
 * processor guarantees", each problem reported on the exact element, annotation and value. All
 * problems are collected; nothing stops at the first.
 */
public final class Validator {

    private final Elements elements;

    public Validator(Elements elements) {
        this.elements = elements;
    }

    /**
     * @param complete whether the model is final for this compilation, so that rules about the
     *     whole compilation (a missing {@code @JtcApplication}) apply
     * @param finalRound whether this is javac's last round, so that a type that does not resolve
     *     is an error; before it, another processor may still generate the type, and the report
     *     lists what waits for it ({@link Report#waitingFor()})
     */
    public Report validate(CompilationModel model, boolean complete, boolean finalRound) {
        Report report = new Report();
        String targetPackage = targetPackage(model);
        new ApplicationRules(elements, report, finalRound).check(model, complete);
        AttributeRules attributes = new AttributeRules(report);
        new InjectionRules(elements, report, targetPackage).check(model);
        new JobRules(elements, report, attributes, targetPackage, finalRound).check(model.jobs());
        new TaskRules(elements, report, attributes, targetPackage).check(model.tasks());
        new NameRules(report).check(model);
        return report;
    }

    /** The package the generated classes go to, or null while it is not known (no single application). */
    private String targetPackage(CompilationModel model) {
        if (model.applications().size() != 1) {
            return null;
        }
        ApplicationDeclaration application = model.applications().get(0);
        String target = application.targetPackage(elements.getPackageOf(application.type()).getQualifiedName().toString());
        // An invalid generatedPackage is reported on its own; visibility from it would only add noise.
        return target.isEmpty() || SourceVersion.isName(target) ? target : null;
    }
}
