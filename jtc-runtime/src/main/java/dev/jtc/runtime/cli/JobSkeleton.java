package dev.jtc.runtime.cli;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * The source of a new {@code @Job} class as {@code make job} writes it: a real job that compiles,
 * with an {@code @Inject} constructor to add dependencies to and a {@code handle} method whose
 * parameters are the payload, logging what it received so a first run shows something.
 */
final class JobSkeleton {

    private JobSkeleton() {}

    /** Checks that {@code name} can be a job class name; a usage error with a suggestion if not. */
    static String requireClassName(String name) {
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || name.contains("$")) {
            throw new UsageException("'" + name + "' is not a Java class name", "write e.g. make job SendWelcomeEmail");
        }
        if (!Character.isUpperCase(name.charAt(0))) {
            throw new UsageException("job class names start with a capital letter",
                    "write e.g. make job " + Character.toUpperCase(name.charAt(0)) + name.substring(1));
        }
        return name;
    }

    /** Checks that {@code packageName} is a Java package name; a usage error if not. */
    static String requirePackageName(String packageName) {
        if (!SourceVersion.isName(packageName)) {
            throw new UsageException("'" + packageName + "' is not a Java package name", "write e.g. --package com.acme.jobs");
        }
        return packageName;
    }

    /** {@code SendWelcomeEmail} → {@code sendWelcomeEmail}, the typed dispatcher's method name. */
    static String dispatchMethod(String className) {
        return Character.toLowerCase(className.charAt(0)) + className.substring(1);
    }

    static String source(String packageName, String className, String queue) {
        String queueAttribute = queue.equals("default") ? "" : "queue = \"" + queue + "\", ";
        String words = className.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return """
                package %1$s;

                import dev.jtc.Job;
                import dev.jtc.runtime.JobContext;
                import jakarta.inject.Inject;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                /**
                 * A background job: %2$s. Dispatch it with the generated dispatcher, e.g.
                 * {@code jobs.%3$s("hello")}; a worker runs it with up to three retries.
                 */
                @Job(%4$sretries = 3, timeout = "5m")
                public final class %5$s {

                    private static final Logger log = LoggerFactory.getLogger(%5$s.class);

                    /** Dependencies come in here; Dagger provides them from the application's modules. */
                    @Inject
                    public %5$s() {
                    }

                    /**
                     * Runs once per dispatch (and again per retry). The parameters before the context are
                     * the payload: change them to what the job needs, e.g. {@code long userId, String template}.
                     */
                    public void handle(String message, JobContext context) throws Exception {
                        log.info("{} {} (attempt {}) received: {}", context.name(), context.id(), context.attempt(), message);
                    }
                }
                """.formatted(packageName, words, dispatchMethod(className), queueAttribute, className);
    }
}
