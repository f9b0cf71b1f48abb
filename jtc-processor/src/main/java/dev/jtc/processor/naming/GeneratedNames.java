package dev.jtc.processor.naming;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every name jtc generates comes from here, so that names are deterministic (no counters that
 * depend on timing, no hashes) and nested classes flatten the same way everywhere
 * ({@code Outer.Inner} becomes {@code Outer_Inner}).
 */
public final class GeneratedNames {

    /** Names a generated member must never take: they would override or clash with {@code Object}'s. */
    private static final String[] OBJECT_METHODS = {
        "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize"
    };

    /** Names a record component must not have (JLS 8.10.1): its accessor would clash with {@code Object}'s method. */
    private static final Set<String> RESTRICTED_COMPONENT_NAMES =
            Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

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

    /**
     * Codec class names, kept for the whole compilation: a job's codec keeps its name in every
     * round. Two jobs with one simple name are told apart by the last segment of their package
     * ({@code NotifyCodec}, {@code SmsNotifyCodec}); a name already used by a class of the
     * target package is avoided the same way.
     */
    public static final class CodecNames {

        private final Map<String, String> byJob = new HashMap<>();
        private final Map<String, String> byName = new HashMap<>();

        /**
         * The codec's simple name for {@code job}, assigning one on first sight. Call in a stable
         * order (sorted by qualified name) so that assignments are deterministic.
         *
         * @param existingClass whether the target package already has a class of that simple name
         */
        public String codecFor(ClassName job, Predicate<String> existingClass) {
            String known = byJob.get(job.canonicalName());
            if (known != null) {
                return known;
            }
            String base = flatName(job) + "Codec";
            String candidate = base;
            if (taken(candidate, existingClass)) {
                String packageName = job.packageName();
                String lastSegment = packageName.substring(packageName.lastIndexOf('.') + 1);
                candidate = upperFirst(lastSegment) + base;
            }
            for (int suffix = 2; taken(candidate, existingClass); suffix++) {
                candidate = base + suffix;
            }
            byJob.put(job.canonicalName(), candidate);
            byName.put(candidate, job.canonicalName());
            return candidate;
        }

        private boolean taken(String name, Predicate<String> existingClass) {
            return byName.containsKey(name) || existingClass.test(name);
        }

        private static String upperFirst(String text) {
            return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
