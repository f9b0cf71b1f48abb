package dev.jtc.processor.naming;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import dev.jtc.processor.model.AnnotationNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Every name jtc generates comes from here, so that names are deterministic (no counters that
 * depend on timing, no hashes) and nested classes flatten the same way everywhere
 * ({@code Outer.Inner} becomes {@code Outer_Inner}).
 *
 * <p>A name derived from a job or task depends on that job or task alone, never on the others
 * of the application: adding a job never renames what existing code calls. Two that would get
 * the same name are a compile error, not a silent suffix.
 */
public final class GeneratedNames {

    /** Names a generated member must never take: they would override or clash with {@code Object}'s. */
    private static final String[] OBJECT_METHODS = {
        "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize"
    };

    /** Names a record component must not have (JLS 8.10.1): its accessor would clash with {@code Object}'s method. */
    private static final Set<String> RESTRICTED_COMPONENT_NAMES =
            Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    /**
     * Method names a job or task must not get: {@code Object}'s, and those the component already
     * has ({@code jobs()}) or Dagger reserves for making it ({@code factory}, {@code builder},
     * {@code create}).
     */
    private static final Set<String> RESERVED_METHODS = Set.of("equals", "hashCode", "toString", "getClass", "notify",
            "notifyAll", "wait", "clone", "finalize", "jobs", "factory", "builder", "create");

    /** The names in the dispatch table's code that a middleware field must not hide: its component and run's parameters. */
    private static final Set<String> RUNNER_NAMES = Set.of("component", "runner", "name", "payload", "context");

    private final String targetPackage;
    private final String applicationName;

    /**
     * @param targetPackage the package the generated classes go to
     * @param applicationName the simple name of the {@code @JtcApplication} class ({@code ShopApp})
     */
    public GeneratedNames(String targetPackage, String applicationName) {
        this.targetPackage = targetPackage;
        this.applicationName = applicationName;
    }

    public String targetPackage() {
        return targetPackage;
    }

    public String applicationName() {
        return applicationName;
    }

    public ClassName jobs() {
        return generated("Jobs");
    }

    /** The {@code number}th superclass of a large application's {@code <App>Jobs}: {@code ShopAppJobsPart1}. */
    public ClassName jobsPart(int number) {
        return generated("JobsPart" + number);
    }

    public ClassName jobRunner() {
        return generated("JobRunner");
    }

    public ClassName scheduleRegistry() {
        return generated("ScheduleRegistry");
    }

    public ClassName component() {
        return generated("Component");
    }

    /** The class Dagger generates for {@link #component()}, in the next round. */
    public ClassName daggerComponent() {
        return ClassName.get(targetPackage, "Dagger" + flatName(component()));
    }

    public ClassName worker() {
        return generated("Worker");
    }

    private ClassName generated(String suffix) {
        return ClassName.get(targetPackage, applicationName + suffix);
    }

    /** The codec generated for {@code job}, beside it: {@code com.acme.SendWelcomeEmailCodec}. */
    public static ClassName codec(ClassName job) {
        return ClassName.get(job.packageName(), flatName(job) + "Codec");
    }

    /** The schedule generated for a class with scheduled methods, beside it: {@code com.acme.MaintenanceSchedule}. */
    public static ClassName schedule(ClassName owner) {
        return ClassName.get(owner.packageName(), flatName(owner) + "Schedule");
    }

    /** What a contribution marker describes; its name ends in the kind, so one class can be a job and own tasks. */
    public enum MarkerKind {
        JOB("Job"),
        TASKS("Tasks"),
        APPLICATION("Application");

        private final String suffix;

        MarkerKind(String suffix) {
            this.suffix = suffix;
        }
    }

    /**
     * The marker for {@code type} in the contributions package: {@code com.acme.shop.Reports.Nightly}
     * gives {@code dev.jtc.contributions.com_acme_shop_Reports_Nightly_Job}. An underscore in a name
     * is doubled, so two different classes never share a marker.
     */
    public static ClassName marker(ClassName type, MarkerKind kind) {
        List<String> parts = new ArrayList<>();
        if (!type.packageName().isEmpty()) {
            for (String segment : type.packageName().split("\\.")) {
                parts.add(segment.replace("_", "__"));
            }
        }
        type.simpleNames().forEach(name -> parts.add(name.replace("_", "__")));
        parts.add(kind.suffix);
        return ClassName.get(AnnotationNames.CONTRIBUTIONS_PACKAGE, String.join("_", parts));
    }

    /**
     * The method name for a job or task in the generated dispatcher and component, from its name
     * on the wire: {@code SendWelcomeEmail} gives {@code sendWelcomeEmail}, {@code ship-order}
     * {@code shipOrder}, {@code Maintenance.healthCheck} {@code maintenanceHealthCheck}. A result
     * that is no Java identifier, or that {@code Object} or the component already has, gets
     * {@code Job} appended ({@code default} gives {@code defaultJob}); one that starts with a digit
     * gets {@code job} in front.
     */
    public static String methodName(String wireName) {
        StringBuilder name = new StringBuilder();
        for (String word : wireName.split("[._-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (name.length() == 0) {
                name.append(lowerCamel(word));
            } else {
                name.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
        if (name.length() == 0 || Character.isDigit(name.charAt(0))) {
            name.insert(0, "job");
        }
        String method = name.toString();
        return SourceVersion.isKeyword(method) || RESERVED_METHODS.contains(method) ? method + "Job" : method;
    }

    /**
     * The names of the application's middleware classes, each both its field in the dispatch table
     * and (for an injected one) its method in the component: {@code com.acme.AuditTrail} gives
     * {@code auditTrail}. The job and task methods in {@code taken} keep their names; a middleware
     * that would meet one, another middleware of the same simple name, a reserved name or a name the
     * dispatch table's code already uses ({@code component}, {@code context}, ...) gets
     * {@code Middleware} appended ({@code auditTrailMiddleware}), then its package spelled in front
     * ({@code comAcmeAuditTrail}), then a number. Give the classes in a stable order (by canonical
     * name): a clash goes to the later one.
     */
    public static Map<ClassName, String> middlewareNames(List<ClassName> middleware, Set<String> taken) {
        Set<String> used = new HashSet<>(taken);
        used.addAll(RUNNER_NAMES);
        Map<ClassName, String> names = new LinkedHashMap<>();
        for (ClassName type : middleware) {
            String simple = lowerCamel(flatName(type));
            StringBuilder qualified = new StringBuilder();
            for (String segment : type.packageName().split("\\.")) {
                if (!segment.isEmpty()) {
                    qualified.append(qualified.length() == 0 ? segment
                            : Character.toUpperCase(segment.charAt(0)) + segment.substring(1));
                }
            }
            qualified.append(qualified.length() == 0 ? simple : flatName(type));
            List<String> candidates = List.of(simple, simple + "Middleware", qualified.toString());
            String name = null;
            for (String candidate : candidates) {
                if (isFreeMemberName(candidate, used)) {
                    name = candidate;
                    break;
                }
            }
            for (int suffix = 2; name == null; suffix++) {
                String candidate = qualified.toString() + suffix;
                name = isFreeMemberName(candidate, used) ? candidate : null;
            }
            used.add(name);
            names.put(type, name);
        }
        return names;
    }

    private static boolean isFreeMemberName(String name, Set<String> used) {
        return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name) && !RESERVED_METHODS.contains(name)
                && !used.contains(name);
    }

    /** {@code Outer.Inner} as {@code Outer_Inner}. */
    public static String flatName(ClassName type) {
        return String.join("_", type.simpleNames());
    }

    /** {@code SendWelcomeEmail} as {@code sendWelcomeEmail}; {@code URLFetcher} as {@code urlFetcher}. */
    public static String lowerCamel(String name) {
        int upperRun = 0;
        while (upperRun < name.length() && Character.isUpperCase(name.charAt(upperRun))) {
            upperRun++;
        }
        if (upperRun == 0) {
            return name;
        }
        // In "URLFetcher" the F starts the next word, so only "URL" is lowered.
        int lowerTo = upperRun == 1 || upperRun == name.length() ? upperRun : upperRun - 1;
        return name.substring(0, lowerTo).toLowerCase(Locale.ROOT) + name.substring(lowerTo);
    }

    /** {@code SendWelcomeEmail}, {@code welcome-email} or {@code Maintenance.hourlyCleanup} as an UPPER_SNAKE constant. */
    public static String upperSnake(String name) {
        StringBuilder constant = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                appendSeparator(constant);
                continue;
            }
            boolean wordStart = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1))
                            || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(name.charAt(i - 1))));
            if (wordStart) {
                appendSeparator(constant);
            }
            constant.append(Character.toUpperCase(c));
        }
        while (constant.length() > 0 && constant.charAt(constant.length() - 1) == '_') {
            constant.setLength(constant.length() - 1);
        }
        return constant.length() == 0 ? "UNNAMED" : constant.toString();
    }

    private static void appendSeparator(StringBuilder constant) {
        if (constant.length() > 0 && constant.charAt(constant.length() - 1) != '_') {
            constant.append('_');
        }
    }

    /**
     * The component names of a generated record for fields named {@code names} (all distinct, as
     * parameter names are): each name as it is, except the few a record cannot have
     * ({@code wait}, {@code toString}, ...), which get a trailing {@code _} until they are free.
     */
    public static List<String> recordComponentNames(List<String> names) {
        Set<String> used = new HashSet<>(names);
        List<String> components = new ArrayList<>();
        for (String name : names) {
            String component = name;
            if (RESTRICTED_COMPONENT_NAMES.contains(name)) {
                do {
                    component = component + "_";
                } while (!used.add(component));
            }
            components.add(component);
        }
        return components;
    }

    /** An allocator for the members of one generated class, with {@code Object}'s method names taken. */
    public static NameAllocator memberNames() {
        NameAllocator names = new NameAllocator();
        for (String reserved : OBJECT_METHODS) {
            names.newName(reserved, "Object." + reserved);
        }
        return names;
    }
}
