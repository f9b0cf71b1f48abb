package dev.jtc.processor.writing;

import com.palantir.javapoet.JavaFile;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;

/**
 * Writes generated sources through the {@link Filer}: what a job's or an owner's own compilation
 * writes (codec or schedule, and its marker), or the application's aggregate classes.
 */
public final class SourceWriter {

    private final Filer filer;

    public SourceWriter(Filer filer) {
        this.filer = filer;
    }

    /** The job's codec and its contribution marker. */
    public void writeJob(JobSpec job) {
        SourceFiles.write(filer, new CodecWriter().write(job));
        SourceFiles.write(filer, new MarkerWriter().job(job));
    }

    /** The owner's schedule and its contribution marker. */
    public void writeSchedule(ScheduleSpec schedule) {
        SourceFiles.write(filer, new ScheduleWriter().write(schedule));
        SourceFiles.write(filer, new MarkerWriter().schedule(schedule));
    }

    /**
     * The registry, dispatch table, typed dispatcher, component and worker of the application.
     *
     * @param applicationElement the {@code @JtcApplication} class when it is compiled now, so its
     *     marker is written; null when the application is written again from its class file
     */
    public void writeApplication(ApplicationSpec app, Element applicationElement) {
        List<JavaFile> files = new ArrayList<>(new JobsWriter().write(app));
        files.add(new JobRunnerWriter().write(app));
        files.add(new ScheduleRegistryWriter().write(app));
        files.add(new ComponentWriter().write(app));
        files.add(new WorkerWriter().write(app));
        for (JavaFile file : files) {
            SourceFiles.write(filer, file);
        }
        if (applicationElement != null) {
            SourceFiles.write(filer, new MarkerWriter().application(app, applicationElement));
        }
    }
}
