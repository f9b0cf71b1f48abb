package dev.jtc.processor.writing;

import com.palantir.javapoet.JavaFile;
import java.util.List;
import javax.annotation.processing.Filer;

/** Writes generated sources through the {@link Filer}: a job's codec, or the application's aggregate classes. */
public final class SourceWriter {

    private final Filer filer;

    public SourceWriter(Filer filer) {
        this.filer = filer;
    }

    public void writeCodec(JobSpec job) {
        SourceFiles.write(filer, new CodecWriter().write(job));
    }

    /** The registry, dispatch table, typed dispatcher, component and worker of the application. */
    public void writeApplication(ApplicationSpec app) {
        for (JavaFile file : List.of(
                new JobsWriter().write(app),
                new JobRunnerWriter().write(app),
                new ScheduleRegistryWriter().write(app),
                new ComponentWriter().write(app),
                new WorkerWriter().write(app))) {
            SourceFiles.write(filer, file);
        }
    }
}
