package dev.jtc.runtime.cli;

import dev.jtc.schedule.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code make job <Name>}: writes the source of a new job class. */
@Command(name = "make", description = "Write a skeleton to start from.", synopsisSubcommandLabel = "job")
final class MakeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new IllegalArgumentException("say what to make: make job <Name>, e.g. make job SendWelcomeEmail");
    }

    /**
     * {@code make job <Name> [--package p] [--dir src/main/java] [--queue q]}: by default into the
     * application's package, beside its {@code @JtcApplication} class.
     */
    @Command(name = "job", description = "Write a new @Job class, ready to compile and dispatch.")
    static final class MakeJob implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The class name, e.g. SendWelcomeEmail.")
        String name;

        @Option(names = "--package", paramLabel = "PACKAGE",
                description = "Its package (default: the application's, where its @JtcApplication class is).")
        String packageName;

        @Option(names = "--dir", paramLabel = "DIR", description = "The source root (default src/main/java).")
        Path dir = Path.of("src", "main", "java");

        @Option(names = "--queue", paramLabel = "QUEUE", description = "The queue it goes to (default default).")
        String queue = "default";

        private final CliContext context;

        MakeJob(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            JobSkeleton.requireClassName(name);
            String jobPackage = packageName != null ? JobSkeleton.requirePackageName(packageName) : applicationPackage();
            try {
                Names.requireValid("queue", queue);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage(), "write e.g. --queue mail");
            }
            Path file = dir.resolve(jobPackage.replace('.', '/')).resolve(name + ".java");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JobSkeleton.source(jobPackage, name, queue), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException e) {
                throw new IllegalArgumentException(file + " already exists; pick another name or delete it first");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
            context.out.println("wrote " + file);
            context.out.println("next: build, then dispatch it with jobs." + JobSkeleton.dispatchMethod(name) + "(\"hello\") ("
                    + context.app.name() + "Jobs) or run: enqueue " + name + " '{\"message\":\"hello\"}'");
            context.out.flush();
            return 0;
        }

        /** The package of the application's {@code @JtcApplication} class, from the generated definition. */
        private String applicationPackage() {
            String applicationPackage = context.app.packageName();
            if (applicationPackage.isEmpty()) {
                throw new UsageException(context.app.name() + " is in the unnamed package, and a job should not be",
                        "say where it goes, e.g. make job " + name + " --package com.acme.jobs");
            }
            return applicationPackage;
        }
    }
}
