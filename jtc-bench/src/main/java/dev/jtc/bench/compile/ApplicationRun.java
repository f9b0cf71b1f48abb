package dev.jtc.bench.compile;

import dev.jtc.processor.large.GeneratedProject;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.InMemoryBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a compiled {@link GeneratedProject} and runs some of it through the generated
 * {@code BigAppWorker.definition()}: jobs of every payload shape spread over the application
 * (first, middle, last, and one named with {@code @Job(name = ...)}), the first and last task,
 * and a name no job has, which must fail with {@link UnknownJobException}.
 *
 * @param jobTypes how many job types the definition lists
 * @param tasks how many scheduled tasks it lists
 * @param ran the entries run, each with what it recorded
 * @param problems what did not go as expected; empty when all did
 */
record ApplicationRun(int jobTypes, int tasks, List<String> ran, List<String> problems) {

    static ApplicationRun run(GeneratedProject project, Path classes) {
        List<String> ran = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ApplicationRun.class.getClassLoader())) {
            String app = GeneratedProject.PACKAGE + "." + GeneratedProject.APPLICATION;
            AppDefinition definition = (AppDefinition) loader.loadClass(app + "Worker").getMethod("definition").invoke(null);
            Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
            JobRunner runner = definition.runnerFactory().create(new BrokerDispatcher(new InMemoryBroker(clock), clock), clock,
                    Settings.of(java.util.Map.of()));
            @SuppressWarnings("unchecked")
            List<String> sink = (List<String>) loader.loadClass(GeneratedProject.PACKAGE + ".Sink").getField("RAN").get(null);
            int jobs = project.jobs();
            List<Integer> indexes = new ArrayList<>();
            for (int shape = 0; shape < 5; shape++) {
                indexes.add(shape);
                indexes.add(jobs / 2 / 5 * 5 + shape);
                indexes.add((jobs - 1) / 5 * 5 - 5 + shape);
            }
            indexes.add(jobs - jobs % 7 - 4); // i % 7 == 3: a name set with @Job(name = ...)
            for (int index : indexes.stream().filter(i -> i >= 0 && i < jobs).distinct().toList()) {
                String name = project.jobName(index);
                sink.clear();
                runner.run(name, project.samplePayload(index), context(name));
                check(problems, name, List.of(project.sampleRecord(index)), sink);
                ran.add(name);
            }
            for (int task : List.of(0, project.tasks() - 1)) {
                if (task < 0) {
                    continue;
                }
                String name = project.taskName(task);
                sink.clear();
                runner.run(name, "{}", context(name));
                check(problems, name, List.of(project.taskRecord(task)), sink);
                ran.add(name);
            }
            try {
                runner.run("NoSuchJob", "{}", context("NoSuchJob"));
                problems.add("NoSuchJob ran instead of failing with UnknownJobException");
            } catch (UnknownJobException expected) {
                ran.add("NoSuchJob (UnknownJobException)");
            }
            return new ApplicationRun(definition.jobTypes().size(), definition.scheduledTasks().size(), ran, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            problems.add("running the application failed: " + e);
            return new ApplicationRun(-1, -1, ran, problems);
        }
    }

    private static void check(List<String> problems, String name, List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            problems.add(name + " recorded " + actual + ", expected " + expected);
        }
    }

    private static JobContext context(String name) {
        return new JobContext() {
            @Override
            public String id() {
                return "job-1";
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String queue() {
                return "default";
            }

            @Override
            public int attempt() {
                return 1;
            }

            @Override
            public Instant enqueuedAt() {
                return Instant.EPOCH;
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
    }
}
