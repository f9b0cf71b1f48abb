package dev.jtc.processor.model;

/** The qualified names of the annotations and types jtc reads, in one place. */
public final class AnnotationNames {

    public static final String JOB = "dev.jtc.Job";
    public static final String CRON = "dev.jtc.Cron";
    public static final String EVERY = "dev.jtc.Every";
    public static final String APPLICATION = "dev.jtc.JtcApplication";
    public static final String WITHOUT_OVERLAPPING = "dev.jtc.WithoutOverlapping";
    public static final String JOB_CONTEXT = "dev.jtc.runtime.JobContext";
    public static final String JOB_MIDDLEWARE = "dev.jtc.runtime.JobMiddleware";
    public static final String JAKARTA_INJECT = "jakarta.inject.Inject";
    public static final String JAVAX_INJECT = "javax.inject.Inject";
    public static final String DAGGER_MODULE = "dagger.Module";

    /** The package every compilation's contribution markers go to, so the application's compilation finds them all. */
    public static final String CONTRIBUTIONS_PACKAGE = "dev.jtc.contributions";
    public static final String JOB_CONTRIBUTION = "dev.jtc.internal.JobContribution";
    public static final String TASK_CONTRIBUTION = "dev.jtc.internal.TaskContribution";
    public static final String APPLICATION_CONTRIBUTION = "dev.jtc.internal.ApplicationContribution";

    private AnnotationNames() {
    }
}
