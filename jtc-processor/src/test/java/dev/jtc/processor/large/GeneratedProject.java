package dev.jtc.processor.large;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sources of a made-up application of any size, for proving and measuring how jtc scales:
 * {@code LargeApplicationTest} compiles and runs one of 1,000 jobs and 200 tasks, and jtc-bench's
 * compile benchmark times them from 250 to 5,000 jobs. The same numbers always give the same
 * sources.
 *
 * <p>The jobs are spread over {@value #AREAS} packages ({@code com.acme.big.orders}, ...) and
 * take one of five payload shapes in turn: scalars and a string, primitives with the job's
 * context, a list and an instant, records (one nested in a list), and none. Some inject a class of
 * the application or the runtime's clock; every seventh sets its name on the wire. (With distinct
 * payloads, every job takes the records, each its own {@code Parcel}.) The tasks are
 * spread over {@value #OWNERS} classes, alternately {@code @Cron} and {@code @Every}. Each job and
 * task records a line in {@code com.acme.big.Sink.RAN} when it runs, so a caller can see what
 * ran and with which arguments.
 *
 * <p>Nothing in these sources refers to code jtc generates, so they compile as they are with
 * Dagger alone ({@link #daggerComponent()} stands in for jtc's component) or with no processor.
 */
public final class GeneratedProject {

    /** The application's package; the jobs and tasks are in its sub-packages. */
    public static final String PACKAGE = "com.acme.big";

    /** The {@code @JtcApplication} class's simple name: the generated classes are {@code BigAppJobs}, ... */
    public static final String APPLICATION = "BigApp";

    /** How many packages the jobs and tasks are spread over. */
    public static final int AREAS = 8;

    /** How many classes the scheduled tasks are spread over. */
    public static final int OWNERS = 20;

    private static final String[] AREA_NAMES = {"orders", "billing", "mail", "reports", "inventory", "users", "search", "audit"};

    private final int jobs;
    private final int tasks;
    private final boolean distinctPayloads;

    public GeneratedProject(int jobs, int tasks) {
        this(jobs, tasks, false);
    }

    /**
     * @param distinctPayloads whether every job takes the record shape with a {@code Parcel} record
     *     of its own (nested in the job class), so that no two jobs' {@code handle} signatures
     *     share a type: the largest the generated classes' constant pools get per job
     */
    public GeneratedProject(int jobs, int tasks, boolean distinctPayloads) {
        if (jobs < 0 || tasks < 0) {
            throw new IllegalArgumentException("jobs and tasks must not be negative: " + jobs + ", " + tasks);
        }
        this.jobs = jobs;
        this.tasks = tasks;
        this.distinctPayloads = distinctPayloads;
    }

    public int jobs() {
        return jobs;
    }

    public int tasks() {
        return tasks;
    }

    public boolean distinctPayloads() {
        return distinctPayloads;
    }

    /**
     * The user's code: the jobs, the task owners, the payload records and the {@code Sink}, by
     * qualified class name. Neither the {@code @JtcApplication} nor a component is among them.
     */
    public Map<String, String> userSources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(PACKAGE + ".Sink", sink());
        sources.put(PACKAGE + ".common.Parcel", """
                package com.acme.big.common;

                import java.util.List;

                public record Parcel(String sku, int quantity, List<Long> ids) {}
                """);
        sources.put(PACKAGE + ".common.Address", """
                package com.acme.big.common;

                public record Address(String street, String city) {}
                """);
        for (int i = 0; i < jobs; i++) {
            sources.put(jobClass(i), job(i));
        }
        for (int owner = 0; owner < Math.min(OWNERS, tasks); owner++) {
            sources.put(ownerClass(owner), owner(owner));
        }
        return sources;
    }

    /** The {@code @JtcApplication} class, {@code com.acme.big.BigApp}: with it, jtc writes the application's classes. */
    public String application() {
        return """
                package com.acme.big;

                import dev.jtc.JtcApplication;

                /** The application: jtc writes BigAppJobs, BigAppJobRunner, BigAppComponent, ... beside it. */
                @JtcApplication
                public final class BigApp {}
                """;
    }

    /** The qualified name of {@link #daggerComponent()}. */
    public static String daggerComponentName() {
        return PACKAGE + ".HandWrittenComponent";
    }

    /**
     * A hand-written Dagger component shaped as jtc's: one provision method per job and one per
     * task, and a factory binding the dispatcher, clock and settings. Compiled with Dagger alone,
     * it is what Dagger costs for this application.
     */
    public String daggerComponent() {
        StringBuilder code = new StringBuilder("""
                package com.acme.big;

                import dagger.BindsInstance;
                import dagger.Component;
                import dev.jtc.runtime.Dispatcher;
                import dev.jtc.runtime.Settings;
                import jakarta.inject.Singleton;
                import java.time.Clock;

                @Singleton
                @Component
                public interface HandWrittenComponent {
                """);
        for (int i = 0; i < jobs; i++) {
            code.append("    ").append(jobClass(i)).append(' ').append(jobMethod(i)).append("();\n");
        }
        for (int t = 0; t < tasks; t++) {
            code.append("    ").append(ownerClass(t % OWNERS)).append(' ').append(taskMethod(t)).append("();\n");
        }
        code.append("""

                    @Component.Factory
                    interface Factory {
                        HandWrittenComponent create(@BindsInstance Dispatcher dispatcher, @BindsInstance Clock clock,
                                @BindsInstance Settings settings);
                    }
                }
                """);
        return code.toString();
    }

    /** Job {@code index}'s name on the wire: its simple name ({@code Job0042}), or for every seventh {@code <area>.job-0042}. */
    public String jobName(int index) {
        return explicitName(index) ? area(index) + ".job-" + number(index) : "Job" + number(index);
    }

    /** Task {@code index}'s name on the wire: {@code Tasks07.task0147}. */
    public String taskName(int index) {
        return "Tasks" + owner2(index % OWNERS) + ".task" + number(index);
    }

    /** Job {@code index}'s class: {@code com.acme.big.reports.Job0042}. */
    public String jobClass(int index) {
        return PACKAGE + "." + area(index) + ".Job" + number(index);
    }

    /** The class that owns task {@code owner}'s tasks: {@code com.acme.big.mail.Tasks07}. */
    public String ownerClass(int owner) {
        return PACKAGE + "." + AREA_NAMES[owner % AREAS] + ".Tasks" + owner2(owner);
    }

    /** A payload of job {@code index}, as the generated codec reads it. */
    public String samplePayload(int index) {
        return switch (shape(index)) {
            case 0 -> "{\"id\":" + index + ",\"note\":\"n" + index + "\"}";
            case 1 -> "{\"count\":" + index + ",\"urgent\":true,\"ratio\":0.5}";
            case 2 -> "{\"tags\":[\"a\",\"t" + index + "\"],\"at\":\"2026-01-01T00:00:00Z\"}";
            case 3 -> "{\"parcel\":{\"sku\":\"S" + index + "\",\"quantity\":2,\"ids\":[1," + index + "]},"
                    + "\"more\":[{\"sku\":\"X\",\"quantity\":1,\"ids\":[]}],\"to\":{\"street\":\"Main St 1\",\"city\":\"Oslo\"}}";
            default -> "{}";
        };
    }

    /** The line job {@code index} records when it runs {@link #samplePayload} on attempt 1 with a clock fixed at the epoch. */
    public String sampleRecord(int index) {
        String name = jobName(index);
        return switch (shape(index)) {
            case 0 -> name + " id=" + index + " note=n" + index;
            case 1 -> name + " count=" + index + " urgent=true ratio=0.5 attempt=1";
            case 2 -> name + " tags=[a, t" + index + "] at=2026-01-01T00:00:00Z";
            case 3 -> name + " parcel=Parcel[sku=S" + index + ", quantity=2, ids=[1, " + index + "]] more=1 to=Oslo";
            default -> name + " at=1970-01-01T00:00:00Z";
        };
    }

    /** The line task {@code index} records when it runs. */
    public String taskRecord(int index) {
        return taskName(index) + " ran";
    }

    /** The payload shape of job {@code index}: 0 to 4 in turn, or always the records' (3) when payloads are distinct. */
    private int shape(int index) {
        return distinctPayloads ? 3 : index % 5;
    }

    private static boolean explicitName(int index) {
        return index % 7 == 3;
    }

    private static String area(int index) {
        return AREA_NAMES[index % AREAS];
    }

    private static String number(int index) {
        return String.format(Locale.ROOT, "%04d", index);
    }

    private static String owner2(int owner) {
        return String.format(Locale.ROOT, "%02d", owner);
    }

    private String jobMethod(int index) {
        return explicitName(index) ? area(index) + "Job" + number(index) : "job" + number(index);
    }

    private String taskMethod(int index) {
        return "tasks" + owner2(index % OWNERS) + "Task" + number(index);
    }

    private static String sink() {
        return """
                package com.acme.big;

                import jakarta.inject.Inject;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;

                /** Where the jobs and tasks record that they ran; some inject it, the others call record(...). */
                public final class Sink {
                    public static final List<String> RAN = new CopyOnWriteArrayList<>();

                    @Inject
                    public Sink() {}

                    public static void record(String line) {
                        RAN.add(line);
                    }

                    public void add(String line) {
                        RAN.add(line);
                    }
                }
                """;
    }

    private String job(int index) {
        String simple = "Job" + number(index);
        String name = jobName(index);
        List<String> imports = new ArrayList<>(List.of("dev.jtc.Job", "jakarta.inject.Inject"));
        String annotation = "@Job";
        if (explicitName(index)) {
            annotation = "@Job(name = \"" + name + "\", queue = \"" + area(index) + "\", retries = " + (index % 4) + ")";
        } else if (index % 11 == 5) {
            annotation = "@Job(timeout = \"" + (index % 50 + 10) + "s\")";
        }
        String fields;
        String constructor;
        String handle;
        String nested = "";
        switch (shape(index)) {
            case 0 -> {
                imports.add("com.acme.big.Sink");
                fields = "    private final Sink sink;\n\n";
                constructor = "    @Inject\n    public " + simple + "(Sink sink) {\n        this.sink = sink;\n    }\n";
                handle = "    public void handle(long id, String note) {\n"
                        + "        sink.add(\"" + name + " id=\" + id + \" note=\" + note);\n    }\n";
            }
            case 1 -> {
                imports.add("com.acme.big.Sink");
                imports.add("dev.jtc.runtime.JobContext");
                fields = "";
                constructor = "    @Inject\n    public " + simple + "() {}\n";
                handle = "    public void handle(int count, boolean urgent, double ratio, JobContext context) {\n"
                        + "        Sink.record(\"" + name + " count=\" + count + \" urgent=\" + urgent + \" ratio=\" + ratio"
                        + " + \" attempt=\" + context.attempt());\n    }\n";
            }
            case 2 -> {
                imports.add("com.acme.big.Sink");
                imports.add("java.time.Instant");
                imports.add("java.util.List");
                fields = "";
                constructor = "    @Inject\n    public " + simple + "() {}\n";
                handle = "    public void handle(List<String> tags, Instant at) {\n"
                        + "        Sink.record(\"" + name + " tags=\" + tags + \" at=\" + at);\n    }\n";
            }
            case 3 -> {
                imports.add("com.acme.big.Sink");
                imports.add("com.acme.big.common.Address");
                if (distinctPayloads) {
                    nested = "\n    public record Parcel(String sku, int quantity, List<Long> ids) {}\n";
                } else {
                    imports.add("com.acme.big.common.Parcel");
                }
                imports.add("java.util.List");
                fields = "";
                constructor = "    @Inject\n    public " + simple + "() {}\n";
                handle = "    public void handle(Parcel parcel, List<Parcel> more, Address to) {\n"
                        + "        Sink.record(\"" + name + " parcel=\" + parcel + \" more=\" + more.size() + \" to=\" + to.city());\n    }\n";
            }
            default -> {
                imports.add("com.acme.big.Sink");
                imports.add("java.time.Clock");
                fields = "    private final Clock clock;\n\n";
                constructor = "    @Inject\n    public " + simple + "(Clock clock) {\n        this.clock = clock;\n    }\n";
                handle = "    public void handle() {\n"
                        + "        Sink.record(\"" + name + " at=\" + clock.instant());\n    }\n";
            }
        }
        StringBuilder code = new StringBuilder("package " + PACKAGE + "." + area(index) + ";\n\n");
        imports.stream().sorted().forEach(type -> code.append("import ").append(type).append(";\n"));
        code.append('\n').append(annotation).append('\n')
                .append("public final class ").append(simple).append(" {\n")
                .append(fields).append(constructor).append('\n').append(handle).append(nested).append("}\n");
        return code.toString();
    }

    private String owner(int owner) {
        String simple = "Tasks" + owner2(owner);
        StringBuilder code = new StringBuilder("package " + PACKAGE + "." + AREA_NAMES[owner % AREAS] + ";\n\n")
                .append("import com.acme.big.Sink;\n")
                .append("import dev.jtc.Cron;\n")
                .append("import dev.jtc.Every;\n")
                .append("import jakarta.inject.Inject;\n\n")
                .append("public final class ").append(simple).append(" {\n")
                .append("    @Inject\n    public ").append(simple).append("() {}\n");
        for (int t = owner; t < tasks; t += OWNERS) {
            code.append('\n');
            if (t % 2 == 0) {
                code.append("    @Cron(\"").append(t % 60).append(' ').append((t / 60) % 24).append(" * * *\")\n");
            } else if (t % 6 == 1) {
                code.append("    @Every(value = \"").append(t % 59 + 1).append("m\", overlap = false, queue = \"ticks\")\n");
            } else {
                code.append("    @Every(\"").append(t % 59 + 1).append("m\")\n");
            }
            code.append("    public void task").append(number(t)).append("() {\n")
                    .append("        Sink.record(\"").append(taskRecord(t)).append("\");\n")
                    .append("    }\n");
        }
        return code.append("}\n").toString();
    }
}
